package dev.spate.discovery.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What interop tests share: finding the real programs, free ports, readiness checks. */
final class Interop {
    static final String PYTHON = "/usr/bin/python3";

    private Interop() {
    }

    /** Skips the test, saying why, unless {@code program} is an executable file. */
    static void requireProgram(String program) {
        boolean present = Files.isExecutable(Path.of(program));
        if (!present) {
            System.out.println("[interop] skipped: " + program + " is not installed");
        }
        assumeTrue(present, program + " is not installed");
    }

    /** Skips the test unless Debian's python3 can import libtorrent. */
    static void requireLibtorrent() throws IOException, InterruptedException {
        requireProgram(PYTHON);
        Process p = new ProcessBuilder(PYTHON, "-c", "import libtorrent").redirectErrorStream(true).start();
        boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (!ok) {
            p.destroyForcibly();
            System.out.println("[interop] skipped: " + PYTHON + " cannot import libtorrent (python3-libtorrent)");
        }
        assumeTrue(ok, PYTHON + " cannot import libtorrent");
    }

    /** A port free on 127.0.0.1 for both TCP and UDP at the time of asking. */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return udp.getLocalPort();
                } catch (IOException taken) {
                    // The UDP side is in use; try another.
                }
            }
        }
        throw new IOException("no port free for both TCP and UDP on 127.0.0.1");
    }

    static boolean acceptsTcp(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
