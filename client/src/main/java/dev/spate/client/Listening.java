package dev.spate.client;

import dev.spate.handshake.HandshakeConfig;
import dev.spate.handshake.PeerListener;
import dev.spate.handshake.Transport;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Binds the client's listening port. */
final class Listening {
    private static final Logger LOG = LogManager.getLogger(Listening.class);

    private Listening() {
    }

    /**
     * Binds the configured address; on the default port, a port taken by another program makes
     * us try the next ones (6881 to 6889) and then any free port, as other clients do.
     *
     * @param undo runs before a failure is thrown, to stop what the client already started
     */
    static PeerListener bind(ClientConfig config, Transport transport, PeerWiring wiring, HandshakeConfig handshake,
            Runnable undo) {
        InetSocketAddress address = config.listenAddress();
        try {
            return PeerListener.bind(transport, address, wiring, handshake, config.sockets(), wiring);
        } catch (UncheckedIOException taken) {
            if (address.getPort() != ClientConfig.DEFAULT_PORT) {
                undo.run();
                throw taken;
            }
            for (int port = ClientConfig.DEFAULT_PORT + 1; port <= ClientConfig.DEFAULT_PORT + 9; port++) {
                try {
                    int p = port == ClientConfig.DEFAULT_PORT + 9 ? 0 : port;
                    return PeerListener.bind(transport, new InetSocketAddress(address.getAddress(), p), wiring,
                            handshake, config.sockets(), wiring);
                } catch (UncheckedIOException alsoTaken) {
                    LOG.debug("port {} is taken too", port);
                }
            }
            undo.run();
            throw taken;
        }
    }
}
