package dev.spate.client;

import dev.spate.client.store.SessionStore;
import dev.spate.client.store.StoredTorrent;
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
import dev.spate.selection.limits.SharedLimits;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A BitTorrent client: the torrents added to it share one listening port, one set of network
 * threads, one selection thread, one disk manager, one queue and one session store.
 *
 * <pre>{@code
 * try (TorrentClient client = TorrentClient.create(ClientConfig.defaults())) {
 *     TorrentHandle torrent = client.add(TorrentSource.file(Path.of("file.torrent")), Path.of("downloads"));
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
    private final SessionStore store;
    private final Future<?> ticks;
    private final Map<InfoHash, Torrent> torrents = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private TorrentClient(ClientConfig config) {
        this.config = config;
        this.store = config.sessionDir().map(d -> SessionStore.open(d, Duration.ofMillis(500)))
                .orElseGet(SessionStore::none);
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
        this.listener = Listening.bind(config, transport, wiring, handshake, this::closeQuietly);
        SharedLimits shared = new SharedLimits(config.downloadRateLimit(), config.uploadRateLimit(),
                config.maxConnections());
        this.engine = new Engine(config, peerId, transport, disk, selection, wiring, trackers, events,
                listener::port, shared, new EventBus(events, selection::inLoop), store,
                new SessionQueue(config.queue()));
        this.ticks = transport.group().next().scheduleAtFixedRate(() -> selection.execute(this::tick), 1, 1,
                TimeUnit.SECONDS);
    }

    /** Undoes a half-built client when it cannot listen. */
    private void closeQuietly() {
        selection.close();
        trackers.close();
        transport.close();
        disk.close();
        events.shutdown();
        store.close();
    }

    /**
     * Starts a client: binds its port, starts its threads, opens its session and (if the
     * configuration says so) brings back the torrents the session holds, each where it was.
     *
     * @throws java.io.UncheckedIOException if the port or the session cannot be opened
     */
    public static TorrentClient create(ClientConfig config) {
        TorrentClient client = new TorrentClient(config);
        if (config.restoreSession() && client.store.persistent()) {
            client.restore();
        }
        return client;
    }

    private void restore() {
        List<StoredTorrent> stored = store.loadAll().join(); // in queue order
        for (StoredTorrent s : stored) {
            try {
                Torrent t = Restore.torrent(engine, s);
                t.queuePosition(torrents.size()); // what the queue will give it, seen at once by torrents()
                torrents.put(t.infoHash(), t);
                selection.execute(() -> {
                    engine.queue().add(t);
                    t.start(Optional.of(s));
                });
            } catch (RuntimeException e) {
                LOG.warn("cannot restore torrent {} from the session: {}", s.infoHash(), e.getMessage());
            }
        }
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

    /** Adds a torrent with the default options; see {@link #add(TorrentSource, Path, AddOptions)}. */
    public TorrentHandle add(TorrentSource source, Path downloadDir) {
        return add(source, downloadDir, AddOptions.defaults());
    }

    /** Adds a torrent from its metainfo with the default options. */
    public TorrentHandle add(Metainfo metainfo, Path downloadDir) {
        return add(TorrentSource.of(metainfo), downloadDir, AddOptions.defaults());
    }

    /**
     * Adds a torrent whose files go under {@code downloadDir}, at the end of the queue, and returns
     * at once: the data already there is checked (only what the session's resume data cannot vouch
     * for), then the torrent downloads or seeds when the queue lets it. A magnet link waits for its
     * metadata first. Adding a torrent twice returns the handle of the first.
     *
     * @throws dev.spate.metainfo.MetainfoException for a malformed torrent or magnet link
     * @throws java.io.UncheckedIOException         if a {@code .torrent} file cannot be read
     * @throws IllegalArgumentException             for a torrent spate cannot download (v2-only, for now)
     *                                              or file priorities naming files it does not have
     * @throws IllegalStateException                if the client is closed
     */
    public TorrentHandle add(TorrentSource source, Path downloadDir, AddOptions options) {
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        Sources.Resolved resolved = Sources.resolve(source);
        InfoHash key = resolved.infoHash();
        Torrent[] created = new Torrent[1];
        Torrent torrent = torrents.compute(key, (k, old) -> old != null && old.state() != TorrentState.REMOVED ? old
                : (created[0] = new Torrent(engine, resolved.metainfo(), resolved.magnet(), downloadDir, options,
                        System.currentTimeMillis())));
        if (torrent == created[0]) {
            selection.execute(() -> {
                engine.queue().add(torrent);
                Restore.save(engine, torrent);
                torrent.start(Optional.empty());
            });
        }
        return torrent;
    }

    /** Every torrent, in queue order. */
    public List<TorrentHandle> torrents() {
        List<TorrentHandle> out = new ArrayList<>();
        torrents.values().stream().filter(t -> t.state() != TorrentState.REMOVED)
                .sorted(java.util.Comparator.comparingInt(Torrent::queuePosition)).forEach(out::add);
        return out;
    }

    public Optional<TorrentHandle> torrent(InfoHash infoHash) {
        Torrent t = torrents.get(infoHash);
        return t == null || t.state() == TorrentState.REMOVED ? Optional.empty() : Optional.of(t);
    }

    /**
     * Delivers every torrent event from now on to {@code consumer}, in order, on {@code executor}
     * (one event at a time, never on one of the client's engine threads); see {@link TorrentEvent}
     * for what may be dropped under load. Close the subscription to stop.
     */
    public EventSubscription subscribe(Executor executor, Consumer<? super TorrentEvent> consumer) {
        return engine.bus().subscribe(executor, consumer);
    }

    /** Changes the global rates (bytes per second, 0 for no limit), shared fairly by every torrent. */
    public void setRateLimits(long downloadBytesPerSecond, long uploadBytesPerSecond) {
        if (downloadBytesPerSecond < 0 || uploadBytesPerSecond < 0) {
            throw new IllegalArgumentException("rates must not be negative (0 is no limit)");
        }
        selection.execute(() -> engine.shared().setRates(downloadBytesPerSecond, uploadBytesPerSecond));
    }

    /** Once a second, on the selection thread: stalls, seed limits, checkpoints, then the queue. */
    private void tick() {
        long now = selection.now();
        for (Torrent t : engine.queue().inOrder()) {
            t.run.tick(now);
        }
        engine.queue().update();
    }

    /**
     * Stops every torrent (trackers hear {@code stopped}, within the configured shutdown timeout),
     * closes their files, writes the session, and stops every thread. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticks.cancel(false);
        List<CompletableFuture<Void>> announced = new ArrayList<>();
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        for (Torrent t : torrents.values()) {
            List<CompletableFuture<Void>> parts = t.shutdown();
            announced.add(parts.get(0));
            stored.add(parts.get(1));
        }
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        await(stored, TimeUnit.SECONDS.toNanos(5), "torrents did not close their files in time");
        await(announced, deadline - System.nanoTime(), "trackers did not all hear 'stopped' in time");
        listener.close();
        selection.close();
        trackers.close();
        transport.close();
        disk.close();
        store.close();
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(List<CompletableFuture<Void>> futures, long nanos, String warning) {
        try {
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                    .get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("{}: {}", warning, e.toString());
        }
    }

    /** For tests and the metadata exchange: the torrent behind a handle. */
    static Torrent internal(TorrentHandle handle) {
        return (Torrent) handle;
    }
}
