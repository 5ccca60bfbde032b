package dev.spate.client;

import dev.spate.discovery.tracker.AnnounceSchedulerConfig;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.disk.DiskConfig;
import dev.spate.disk.storage.Storage;
import dev.spate.handshake.EncryptionPolicy;
import dev.spate.handshake.SocketSettings;
import dev.spate.selection.SelectionConfig;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Everything a {@link TorrentClient} is set up with, immutable. Start from {@link #defaults()} (or
 * {@link #loopback()} for tests and local swarms) and change what you need with {@link #toBuilder()}
 * or the {@code with} shortcuts.
 */
public final class ClientConfig {
    public static final int DEFAULT_PORT = 6881;

    private final InetSocketAddress listenAddress;
    private final int networkThreads;
    private final DiskConfig disk;
    private final SelectionConfig selection;
    private final int linkSlots;
    private final int maxHalfOpen;
    private final Duration handshakeTimeout;
    private final SocketSettings sockets;
    private final Duration keepAliveInterval;
    private final Duration idleTimeout;
    private final TrackerClientConfig trackers;
    private final AnnounceSchedulerConfig announce;
    private final boolean announceEnabled;
    private final UnaryOperator<Storage> storageWrapper;
    private final Consumer<Channel> peerChannelHook;
    private final Path sessionDir;
    private final boolean restoreSession;
    private final QueueConfig queue;
    private final long downloadRateLimit;
    private final long uploadRateLimit;
    private final int maxConnections;
    private final TorrentLimits defaultLimits;
    private final Duration checkpointInterval;
    private final Duration shutdownTimeout;
    private final EncryptionPolicy encryption;

    private ClientConfig(Builder b) {
        this.listenAddress = Objects.requireNonNull(b.listenAddress, "listenAddress");
        this.networkThreads = b.networkThreads;
        this.disk = Objects.requireNonNull(b.disk, "disk");
        this.selection = Objects.requireNonNull(b.selection, "selection");
        this.linkSlots = b.linkSlots;
        this.maxHalfOpen = b.maxHalfOpen;
        this.handshakeTimeout = b.handshakeTimeout;
        this.sockets = b.sockets;
        this.keepAliveInterval = b.keepAliveInterval;
        this.idleTimeout = b.idleTimeout;
        this.trackers = b.trackers;
        this.announce = b.announce;
        this.announceEnabled = b.announceEnabled;
        this.storageWrapper = b.storageWrapper;
        this.peerChannelHook = b.peerChannelHook;
        this.sessionDir = b.sessionDir;
        this.restoreSession = b.restoreSession;
        this.queue = Objects.requireNonNull(b.queue, "queue");
        this.downloadRateLimit = b.downloadRateLimit;
        this.uploadRateLimit = b.uploadRateLimit;
        this.maxConnections = b.maxConnections;
        this.defaultLimits = Objects.requireNonNull(b.defaultLimits, "defaultLimits");
        this.checkpointInterval = Objects.requireNonNull(b.checkpointInterval, "checkpointInterval");
        this.shutdownTimeout = Objects.requireNonNull(b.shutdownTimeout, "shutdownTimeout");
        if (downloadRateLimit < 0 || uploadRateLimit < 0) {
            throw new IllegalArgumentException("rate limits must not be negative (0 is no limit)");
        }
        this.encryption = Objects.requireNonNull(b.encryption, "encryption");
        if (linkSlots < 1 || maxHalfOpen < 1 || networkThreads < 0) {
            throw new IllegalArgumentException("linkSlots and maxHalfOpen must be positive, networkThreads >= 0");
        }
    }

    /** A desktop client: all addresses, port 6881, the session kept in {@link #userDataDir()}. */
    public static ClientConfig defaults() {
        return new Builder().sessionDir(userDataDir()).build();
    }

    /**
     * A client for tests and swarms on this machine: 127.0.0.1, any free port, no queue limits,
     * and no session kept on disk (set {@link Builder#sessionDir} to keep one).
     */
    public static ClientConfig loopback() {
        return new Builder().listenAddress(new InetSocketAddress("127.0.0.1", 0)).queue(QueueConfig.unlimited())
                .build();
    }

    /**
     * Where spate keeps its session by default: the system property {@code spate.data.dir} if set,
     * else {@code $XDG_DATA_HOME/spate}, else the platform's place for application data
     * ({@code ~/.local/share/spate} on Linux).
     */
    public static Path userDataDir() {
        String property = System.getProperty("spate.data.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "spate");
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") && System.getenv("LOCALAPPDATA") != null) {
            return Path.of(System.getenv("LOCALAPPDATA"), "spate");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "spate");
        }
        return Path.of(home, ".local", "share", "spate");
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Where peers connect to us (port 0: any free port). */
    public InetSocketAddress listenAddress() {
        return listenAddress;
    }

    /** Netty event loops for peers and trackers (0: one per core). */
    public int networkThreads() {
        return networkThreads;
    }

    /** The disk manager's write budget, threads and cache. */
    public DiskConfig disk() {
        return disk;
    }

    /** Choking, request pipelining and connection limits. */
    public SelectionConfig selection() {
        return selection;
    }

    /** Batches in flight each way between a peer and the selection thread. */
    public int linkSlots() {
        return linkSlots;
    }

    /** Connections being opened at once, client-wide. */
    public int maxHalfOpen() {
        return maxHalfOpen;
    }

    /** How long a peer has to complete the handshake. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** Socket buffer sizes, write-buffer water marks and the connect timeout. */
    public SocketSettings sockets() {
        return sockets;
    }

    /** Send a keep-alive after this long without writing to a peer. */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /** Drop a peer after this long without hearing from it. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Tracker client timeouts and retries. */
    public TrackerClientConfig trackers() {
        return trackers;
    }

    /** Announce scheduling (numwant, back-off). */
    public AnnounceSchedulerConfig announce() {
        return announce;
    }

    /** Announce to the torrents' trackers (tests that add peers by hand may turn it off). */
    public boolean announceEnabled() {
        return announceEnabled;
    }

    /**
     * Wraps each torrent's file storage, e.g. in a slow or failing decorator for fault-injection
     * tests (see {@code dev.spate.disk.storage}). Identity by default.
     */
    public UnaryOperator<Storage> storageWrapper() {
        return storageWrapper;
    }

    /**
     * Runs on a peer's event loop when its wire protocol is in place; may add Netty handlers to the
     * channel (latency, bandwidth caps, disconnects for fault-injection tests). No-op by default.
     */
    public Consumer<Channel> peerChannelHook() {
        return peerChannelHook;
    }

    /** Where the session database lives; empty: the session is not kept. */
    public Optional<Path> sessionDir() {
        return Optional.ofNullable(sessionDir);
    }

    /**
     * Whether {@link TorrentClient#create} brings back every torrent of the session. If not (the
     * command line), only torrents added again use their stored resume data.
     */
    public boolean restoreSession() {
        return restoreSession;
    }

    /** Active download and seed limits, and when a torrent counts as stalled. */
    public QueueConfig queue() {
        return queue;
    }

    /** Bytes per second for all torrents together; 0 for no limit. */
    public long downloadRateLimit() {
        return downloadRateLimit;
    }

    /** Bytes per second for all torrents together; 0 for no limit. */
    public long uploadRateLimit() {
        return uploadRateLimit;
    }

    /** Peer connections for all torrents together; 0 for no limit. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The limits of a torrent added without limits of its own (seed ratio and time among them). */
    public TorrentLimits defaultLimits() {
        return defaultLimits;
    }

    /** How often a downloading torrent's verified pieces are written to the session at most. */
    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    /** How long {@link TorrentClient#close()} waits for trackers to hear {@code stopped}. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    public ClientConfig withSessionDir(Path dir) {
        return toBuilder().sessionDir(dir).build();
    }

    public ClientConfig withQueue(QueueConfig config) {
        return toBuilder().queue(config).build();
    }

    public ClientConfig withRateLimits(long downloadBytesPerSecond, long uploadBytesPerSecond) {
        return toBuilder().downloadRateLimit(downloadBytesPerSecond).uploadRateLimit(uploadBytesPerSecond).build();
    }

    /**
     * Protocol encryption (MSE/PE) for every torrent: {@code PREFER} (the default: dial encrypted,
     * redial plain if that fails; accept both), {@code REQUIRE} (encrypted with RC4 only, both ways)
     * or {@code DISABLE} (dial plain; answer an encrypted dial with plaintext only).
     */
    public EncryptionPolicy encryption() {
        return encryption;
    }

    public ClientConfig withListenAddress(InetSocketAddress address) {
        return toBuilder().listenAddress(address).build();
    }

    public ClientConfig withNetworkThreads(int threads) {
        return toBuilder().networkThreads(threads).build();
    }

    public ClientConfig withDisk(DiskConfig config) {
        return toBuilder().disk(config).build();
    }

    public ClientConfig withSelection(SelectionConfig config) {
        return toBuilder().selection(config).build();
    }

    public ClientConfig withAnnounceEnabled(boolean enabled) {
        return toBuilder().announceEnabled(enabled).build();
    }

    public ClientConfig withEncryption(EncryptionPolicy policy) {
        return toBuilder().encryption(policy).build();
    }

    /** Builds a {@link ClientConfig}; every setting starts at its default. */
    public static final class Builder {
        private InetSocketAddress listenAddress = new InetSocketAddress(DEFAULT_PORT);
        private int networkThreads;
        private DiskConfig disk = DiskConfig.defaults();
        private SelectionConfig selection = SelectionConfig.defaults();
        private int linkSlots = 4;
        private int maxHalfOpen = 64;
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private SocketSettings sockets = SocketSettings.defaults();
        private Duration keepAliveInterval = Duration.ofSeconds(90);
        private Duration idleTimeout = Duration.ofSeconds(180);
        private TrackerClientConfig trackers = TrackerClientConfig.defaults();
        private AnnounceSchedulerConfig announce = AnnounceSchedulerConfig.defaults();
        private boolean announceEnabled = true;
        private UnaryOperator<Storage> storageWrapper = UnaryOperator.identity();
        private Consumer<Channel> peerChannelHook = channel -> { };
        private Path sessionDir;
        private boolean restoreSession = true;
        private QueueConfig queue = QueueConfig.defaults();
        private long downloadRateLimit;
        private long uploadRateLimit;
        private int maxConnections = 500;
        private TorrentLimits defaultLimits = TorrentLimits.NONE;
        private Duration checkpointInterval = Duration.ofSeconds(10);
        private Duration shutdownTimeout = Duration.ofSeconds(3);
        private EncryptionPolicy encryption = EncryptionPolicy.PREFER;

        public Builder() {
        }

        private Builder(ClientConfig c) {
            listenAddress = c.listenAddress;
            networkThreads = c.networkThreads;
            disk = c.disk;
            selection = c.selection;
            linkSlots = c.linkSlots;
            maxHalfOpen = c.maxHalfOpen;
            handshakeTimeout = c.handshakeTimeout;
            sockets = c.sockets;
            keepAliveInterval = c.keepAliveInterval;
            idleTimeout = c.idleTimeout;
            trackers = c.trackers;
            announce = c.announce;
            announceEnabled = c.announceEnabled;
            storageWrapper = c.storageWrapper;
            peerChannelHook = c.peerChannelHook;
            sessionDir = c.sessionDir;
            restoreSession = c.restoreSession;
            queue = c.queue;
            downloadRateLimit = c.downloadRateLimit;
            uploadRateLimit = c.uploadRateLimit;
            maxConnections = c.maxConnections;
            defaultLimits = c.defaultLimits;
            checkpointInterval = c.checkpointInterval;
            shutdownTimeout = c.shutdownTimeout;
            encryption = c.encryption;
        }

        public Builder listenAddress(InetSocketAddress v) {
            listenAddress = v;
            return this;
        }

        public Builder networkThreads(int v) {
            networkThreads = v;
            return this;
        }

        public Builder disk(DiskConfig v) {
            disk = v;
            return this;
        }

        public Builder selection(SelectionConfig v) {
            selection = v;
            return this;
        }

        public Builder linkSlots(int v) {
            linkSlots = v;
            return this;
        }

        public Builder maxHalfOpen(int v) {
            maxHalfOpen = v;
            return this;
        }

        public Builder handshakeTimeout(Duration v) {
            handshakeTimeout = v;
            return this;
        }

        public Builder sockets(SocketSettings v) {
            sockets = v;
            return this;
        }

        public Builder keepAliveInterval(Duration v) {
            keepAliveInterval = v;
            return this;
        }

        public Builder idleTimeout(Duration v) {
            idleTimeout = v;
            return this;
        }

        public Builder trackers(TrackerClientConfig v) {
            trackers = v;
            return this;
        }

        public Builder announce(AnnounceSchedulerConfig v) {
            announce = v;
            return this;
        }

        public Builder announceEnabled(boolean v) {
            announceEnabled = v;
            return this;
        }

        public Builder storageWrapper(UnaryOperator<Storage> v) {
            storageWrapper = Objects.requireNonNull(v);
            return this;
        }

        public Builder peerChannelHook(Consumer<Channel> v) {
            peerChannelHook = Objects.requireNonNull(v);
            return this;
        }

        /** Null: keep no session. */
        public Builder sessionDir(Path v) {
            sessionDir = v;
            return this;
        }

        public Builder restoreSession(boolean v) {
            restoreSession = v;
            return this;
        }

        public Builder queue(QueueConfig v) {
            queue = v;
            return this;
        }

        public Builder downloadRateLimit(long v) {
            downloadRateLimit = v;
            return this;
        }

        public Builder uploadRateLimit(long v) {
            uploadRateLimit = v;
            return this;
        }

        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        public Builder defaultLimits(TorrentLimits v) {
            defaultLimits = v;
            return this;
        }

        public Builder checkpointInterval(Duration v) {
            checkpointInterval = v;
            return this;
        }

        public Builder shutdownTimeout(Duration v) {
            shutdownTimeout = v;
            return this;
        }

        public Builder encryption(EncryptionPolicy v) {
            encryption = Objects.requireNonNull(v);
            return this;
        }

        public ClientConfig build() {
            return new ClientConfig(this);
        }
    }
}
