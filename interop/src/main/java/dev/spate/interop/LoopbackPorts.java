package dev.spate.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1: finding free ones, and checking that a program listens. */
public final class LoopbackPorts {
    /** 127.0.0.1: every program the drivers start binds here and nowhere else. */
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int CONNECT_TIMEOUT_MILLIS = 200;

    private LoopbackPorts() {
    }

    /**
     * A port free on 127.0.0.1 for both TCP and UDP at the time of asking (trackers and clients
     * with uTP use both). Another program may take it before the caller does: rare, not impossible.
     */
    public static int free() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, LOOPBACK)) {
                    return udp.getLocalPort();
                } catch (IOException taken) {
                    // The UDP side is in use; try another.
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a socket on 127.0.0.1", e);
            }
        }
        throw new IllegalStateException("no port free for both TCP and UDP on 127.0.0.1 after 50 tries");
    }

    /** True if something accepts TCP connections on 127.0.0.1:{@code port}. */
    public static boolean acceptsTcp(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LOOPBACK, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static InetSocketAddress address(int port) {
        return new InetSocketAddress(LOOPBACK, port);
    }
}
