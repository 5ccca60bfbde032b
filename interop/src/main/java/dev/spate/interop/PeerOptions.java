package dev.spate.interop;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run a real client. Start from {@link #in(Path)} and change what you need with the
 * {@code with} methods. A client that cannot honour an option refuses it when started
 * ({@link UnsupportedOperationException}, naming the client and the option).
 *
 * @param workDir       the client's own folder: configuration, session state, logs
 * @param port          the peer port on 127.0.0.1 (0: a free one)
 * @param peers         peers to connect to besides those the torrent's trackers name
 * @param encryption    the client's encryption policy
 * @param transport     TCP, uTP or both
 * @param startTimeout  how long the client may take to listen (and, for a seeder, check its data)
 */
public record PeerOptions(Path workDir, int port, List<InetSocketAddress> peers, Encryption encryption,
        PeerTransport transport, Duration startTimeout) {

    public PeerOptions {
        Objects.requireNonNull(workDir, "workDir");
        peers = List.copyOf(peers);
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(startTimeout, "startTimeout");
    }

    /** Plaintext over TCP, any free port, peers from the trackers only, one minute to start. */
    public static PeerOptions in(Path workDir) {
        return new PeerOptions(workDir, 0, List.of(), Encryption.PLAIN, PeerTransport.TCP, Duration.ofSeconds(60));
    }

    public PeerOptions withPort(int p) {
        return new PeerOptions(workDir, p, peers, encryption, transport, startTimeout);
    }

    public PeerOptions withPeers(List<InetSocketAddress> addresses) {
        return new PeerOptions(workDir, port, addresses, encryption, transport, startTimeout);
    }

    public PeerOptions withEncryption(Encryption e) {
        return new PeerOptions(workDir, port, peers, e, transport, startTimeout);
    }

    public PeerOptions withTransport(PeerTransport t) {
        return new PeerOptions(workDir, port, peers, encryption, t, startTimeout);
    }

    public PeerOptions withStartTimeout(Duration timeout) {
        return new PeerOptions(workDir, port, peers, encryption, transport, timeout);
    }

    /** The port to give the client: the one asked for, or a free one. */
    int portOrFree() {
        return port != 0 ? port : LoopbackPorts.free();
    }
}
