package dev.spate.client;

import dev.spate.discovery.tracker.Trackers;
import dev.spate.disk.DiskManager;
import dev.spate.handshake.Capabilities;
import dev.spate.handshake.HandshakeConfig;
import dev.spate.handshake.PeerDialer;
import dev.spate.handshake.PeerId;
import dev.spate.handshake.PeerListener;
import dev.spate.handshake.Transport;
import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.Metainfo;
import dev.spate.selection.SelectionLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A BitTorrent client: the torrents added to it share one listening port, one set of network
 * threads, one selection thread and one disk manager.
 *
 * <pre>{@code
 * try (TorrentClient client = TorrentClient.create(ClientConfig.defaults())) {
 *     TorrentHandle torrent = client.add(Metainfo.read(Path.of("file.torrent")), Path.of("downloads"));
 *     torrent.completion().get();
 * }
 * }</pre>
 */
public final class TorrentClient implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(TorrentClient.class);

    private final ClientConfig config;
    private final Engine engine;
    private final Transport transport;
    private final DiskManager disk;
    private final SelectionLoop selection;
    private final PeerListener listener;
    private final Trackers trackers;
    private final ExecutorService events;
    private final Map<InfoHash, Torrent> torrents = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private TorrentClient(ClientConfig config) {
        this.config = config;
        PeerId peerId = PeerId.random();
        this.transport = Transport.create(config.networkThreads(), "spate-net");
        this.disk = DiskManager.start(config.disk());
        this.selection = new SelectionLoop("spate-selection", config.selection(), System::nanoTime);
        this.trackers = Trackers.create(transport.group(), config.trackers());
        this.events = Executors.newSingleThreadExecutor(new DefaultThreadFactory("spate-events", true));
        PeerWiring wiring = new PeerWiring();
        HandshakeConfig handshake = HandshakeConfig.of(peerId, Capabilities.spate())
                .withTimeout(config.handshakeTimeout()).withEncryption(config.encryption());
        wiring.dialer(new PeerDialer(transport, handshake, config.sockets(), config.maxHalfOpen(), wiring));
        this.listener = listen(config, wiring, handshake);
        this.engine = new Engine(config, peerId, transport, disk, selection, wiring, trackers, events,
                listener::port);
    }

    /**
     * Binds the configured address; on the default port, a port taken by another program makes
     * us try the next ones (6881 to 6889) and then any free port, as other clients do.
     */
    private PeerListener listen(ClientConfig config, PeerWiring wiring, HandshakeConfig handshake) {
        InetSocketAddress address = config.listenAddress();
        try {
            return PeerListener.bind(transport, address, wiring, handshake, config.sockets(), wiring);
        } catch (UncheckedIOException taken) {
            if (address.getPort() != ClientConfig.DEFAULT_PORT) {
                closeQuietly();
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
            closeQuietly();
            throw taken;
        }
    }

    /** Undoes a half-built client when it cannot listen. */
    private void closeQuietly() {
        selection.close();
        trackers.close();
        transport.close();
        disk.close();
        events.shutdown();
    }

    /** Starts a client: binds its port and starts its threads. */
    public static TorrentClient create(ClientConfig config) {
        return new TorrentClient(config);
    }

    public ClientConfig config() {
        return config;
    }

    /** The TCP port peers reach us on. */
    public int listenPort() {
        return listener.port();
    }

    public PeerId peerId() {
        return engine.peerId();
    }

    /**
     * Adds a torrent whose files go under {@code downloadDir}, and returns at once: the data already
     * there is checked, then the torrent downloads or seeds. Adding a torrent twice returns the
     * handle of the first.
     *
     * @throws IllegalArgumentException for a torrent spate cannot download (v2-only, for now)
     * @throws IllegalStateException if the client is closed
     */
    public TorrentHandle add(Metainfo metainfo, Path downloadDir) {
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        if (!metainfo.hasV1Pieces()) {
            throw new IllegalArgumentException(metainfo.name() + ": v2-only torrents cannot be downloaded yet"
                    + " (spate downloads v1 and hybrid torrents)");
        }
        InfoHash key = metainfo.infoHashes().primary();
        Torrent[] created = new Torrent[1];
        Torrent torrent = torrents.computeIfAbsent(key, k -> created[0] = new Torrent(engine, metainfo, downloadDir));
        if (torrent == created[0]) {
            torrent.start();
        }
        return torrent;
    }

    public List<TorrentHandle> torrents() {
        return new ArrayList<>(torrents.values());
    }

    /**
     * Stops every torrent (trackers hear {@code stopped}, with a short deadline), flushes the
     * disk and stops every thread. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Torrent t : torrents.values()) {
            stopping.add(t.shutdown());
        }
        try {
            CompletableFuture.allOf(stopping.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("torrents did not stop cleanly: {}", e.toString());
        }
        listener.close();
        selection.close();
        trackers.close();
        transport.close();
        disk.close();
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
