package dev.spate.client;

import dev.spate.discovery.Ticker;
import dev.spate.discovery.tracker.AnnounceScheduler;
import dev.spate.discovery.tracker.AnnounceTarget;
import dev.spate.discovery.tracker.TransferCounters;
import dev.spate.disk.DiskError;
import dev.spate.disk.DiskListener;
import dev.spate.disk.PieceHashes;
import dev.spate.disk.TorrentDisk;
import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.FileStorage;
import dev.spate.handshake.HandshakeResult;
import dev.spate.metainfo.FileEntry;
import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.Metainfo;
import dev.spate.protocol.ExtensionHandshake;
import dev.spate.protocol.WireDecoder;
import dev.spate.protocol.peer.PeerConnection;
import dev.spate.protocol.peer.PeerContext;
import dev.spate.protocol.peer.PeerLink;
import dev.spate.protocol.peer.PieceSet;
import dev.spate.selection.Swarm;
import dev.spate.selection.SwarmListener;
import dev.spate.selection.SwarmStatus;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One torrent in a client: its storage on disk, its swarm on the selection thread, its trackers.
 * Lifecycle: checking the data on disk, then downloading or seeding, paused and resumed, removed.
 * Fields marked "selection" are touched on the selection thread only.
 */
final class Torrent implements TorrentHandle, SwarmListener {
    private static final Logger LOG = LogManager.getLogger(Torrent.class);
    private static final int MAX_QUEUED_REQUESTS = 500;
    private static final int MAX_READS_IN_FLIGHT = 16;

    private final Engine engine;
    private final Metainfo metainfo;
    private final InfoHash wireId;
    private final StorageLayout layout;
    private final FileStorage storage;
    private final TorrentDisk disk;
    private final PieceSet have;
    private final DiskBudget budget;
    private final DiskBlockSource source;
    private final ExtensionHandshake ourExtensions;
    private final PeerTable peers = new PeerTable();
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private final AtomicInteger nextPeerId = new AtomicInteger();
    private final RandomGenerator random = new SecureRandom();
    private volatile TorrentState state = TorrentState.CHECKING;
    private volatile double checked;
    private volatile String error;
    private volatile Swarm swarm; // written on selection; volatile so status() can read it
    private AnnounceScheduler announcer; // selection
    private final List<InetSocketAddress> pendingPeers = new ArrayList<>(); // selection

    Torrent(Engine engine, Metainfo metainfo, Path downloadDir) {
        this.engine = engine;
        this.metainfo = metainfo;
        this.wireId = InfoHash.of(metainfo.infoHashes().primary().wireId());
        List<FileEntry> files = metainfo.files();
        long[] lengths = new long[files.size()];
        boolean[] padding = new boolean[files.size()];
        List<List<String>> paths = new ArrayList<>(files.size());
        for (FileEntry f : files) {
            lengths[f.index()] = f.length();
            padding[f.index()] = f.padding();
            paths.add(f.path());
        }
        this.layout = StorageLayout.of(lengths, padding, metainfo.pieceLength());
        byte[] hashes = new byte[metainfo.pieceCount() * PieceHashes.SHA1_LENGTH];
        for (int p = 0; p < metainfo.pieceCount(); p++) {
            metainfo.copyPieceHash(p, hashes, p * PieceHashes.SHA1_LENGTH);
        }
        this.storage = engine.disk().fileStorage(downloadDir, paths, layout);
        this.disk = engine.disk().register(layout, PieceHashes.of(hashes), storage, new DiskEvents());
        this.have = new PieceSet(metainfo.pieceCount());
        this.budget = new DiskBudget(engine.disk(), disk);
        this.source = new DiskBlockSource(disk);
        this.ourExtensions = ExtensionHandshake.empty().withClient("spate " + Version.VERSION)
                .withRequestQueueLength(MAX_QUEUED_REQUESTS);
    }

    InfoHash wireId() {
        return wireId;
    }

    /** Checks what is already on disk, then joins the swarm. */
    void start() {
        disk.check((done, total) -> checked = total == 0 ? 1 : (double) done / total)
                .whenComplete((bits, failure) -> engine.selection().execute(() -> checked(bits, failure)));
    }

    private void checked(BitSet bits, Throwable failure) {
        if (state == TorrentState.REMOVED) {
            return;
        }
        if (failure != null) {
            fail("checking the data failed: " + failure.getMessage());
            return;
        }
        for (int p = bits.nextSetBit(0); p >= 0; p = bits.nextSetBit(p + 1)) {
            have.set(p);
        }
        disk.markVerified(bits);
        checked = 1;
        startSwarm();
    }

    private void startSwarm() {
        assert engine.selection().inLoop();
        Swarm s = new Swarm(metainfo.name(), metainfo.pieceLength(), metainfo.totalLength(), have, budget, this,
                address -> engine.wiring().dial(this, address), engine.config().selection(), random,
                () -> engine.selection().execute(this::budgetAvailable));
        swarm = s;
        engine.selection().addSwarm(s);
        s.addCandidates(pendingPeers);
        pendingPeers.clear();
        engine.wiring().activate(this);
        state = s.isFinished() ? TorrentState.SEEDING : TorrentState.DOWNLOADING;
        if (s.isFinished()) {
            engine.events().execute(this::complete);
        }
        startAnnouncing();
    }

    private void budgetAvailable() {
        Swarm s = swarm;
        if (s != null) {
            s.budgetAvailable();
        }
    }

    private void startAnnouncing() {
        List<List<URI>> tiers = new ArrayList<>();
        for (List<String> tier : metainfo.trackerTiers()) {
            List<URI> uris = new ArrayList<>();
            for (String url : tier) {
                try {
                    uris.add(URI.create(url));
                } catch (IllegalArgumentException e) {
                    LOG.debug("{}: ignoring malformed tracker URL {}", metainfo.name(), url);
                }
            }
            if (!uris.isEmpty()) {
                tiers.add(uris);
            }
        }
        if (tiers.isEmpty() || !engine.config().announceEnabled()) {
            return;
        }
        AnnounceTarget target = new AnnounceTarget(wireId, tiers, engine.peerId().toByteArray(),
                engine.listenPort().getAsInt(), random.nextInt());
        announcer = new AnnounceScheduler(target, engine.trackers(), this::counters,
                (tracker, peers) -> engine.selection().execute(() -> {
                    Swarm s = swarm;
                    if (s != null) {
                        s.addCandidates(peers);
                    }
                }),
                engine.transport().group().next(), Ticker.system(), new java.util.Random(random.nextLong()),
                engine.config().announce());
        announcer.start();
        if (state == TorrentState.SEEDING) {
            announcer.completed();
        }
    }

    private TransferCounters counters() {
        Swarm s = swarm;
        SwarmStatus st = s == null ? SwarmStatus.EMPTY : s.status();
        return new TransferCounters(st.uploaded(), st.downloaded(), totalBytes() - bytesVerified());
    }

    // ---- peers ----

    /** A handshake for this torrent completed: put the wire protocol on the channel. Event loop. */
    void attachPeer(Channel channel, HandshakeResult result, InetSocketAddress address) {
        int id = nextPeerId.getAndIncrement();
        PeerLink link = new PeerLink(id, engine.config().linkSlots(),
                peers.watch(id, address, result, engine.selection()));
        PeerContext context = new PeerContext(have, source, metainfo.pieceLength(), metainfo.totalLength(),
                result.shared().fastExtension(), result.shared().extensionProtocol(),
                ourExtensions.withListenPort(engine.listenPort().getAsInt()), MAX_QUEUED_REQUESTS, MAX_READS_IN_FLIGHT,
                engine.config().keepAliveInterval(), engine.config().idleTimeout());
        PeerConnection.install(channel, link, context, new WireDecoder());
        engine.selection().execute(() -> {
            Swarm s = swarm;
            if (s == null) {
                channel.close();
            } else {
                s.peerJoined(link, address, engine.selection().now());
            }
        });
    }

    void dialFailed(InetSocketAddress address) {
        engine.selection().execute(() -> {
            Swarm s = swarm;
            if (s != null) {
                s.connectFailed(address, engine.selection().now());
            }
        });
    }

    @Override
    public void addPeer(InetSocketAddress address) {
        engine.selection().execute(() -> {
            Swarm s = swarm;
            if (s != null) {
                s.addCandidates(List.of(address));
            } else {
                pendingPeers.add(address);
            }
        });
    }

    // ---- what the swarm says (selection thread) ----

    @Override
    public void pieceVerified(int piece) {
    }

    @Override
    public void finished() {
        state = TorrentState.SEEDING;
        if (announcer != null) {
            announcer.completed();
        }
        engine.events().execute(this::complete);
    }

    /** Events thread: every piece is on disk; the files no piece touches are made too. */
    private void complete() {
        try {
            storage.createEmptyFiles();
        } catch (java.io.IOException e) {
            engine.selection().execute(() -> fail("cannot create empty files: " + e.getMessage()));
            return;
        }
        completion.complete(null);
    }

    @Override
    public void peerBanned(InetSocketAddress address, String reason) {
        LOG.info("{}: banned {}: {}", metainfo.name(), address, reason);
    }

    // ---- what the disk says (disk threads): handed to the selection thread ----

    private final class DiskEvents implements DiskListener {
        @Override
        public void pieceVerified(int piece) {
            engine.selection().execute(() -> {
                Swarm s = swarm;
                if (s != null) {
                    s.pieceVerified(piece);
                } else {
                    have.set(piece); // verified while paused: still ours
                }
            });
        }

        @Override
        public void pieceFailed(int piece, int[] peerIds) {
            engine.selection().execute(() -> {
                Swarm s = swarm;
                if (s != null) {
                    s.pieceFailed(piece, peerIds, engine.selection().now());
                }
            });
        }

        @Override
        public void diskError(DiskError e) {
            engine.selection().execute(() -> fail(e.message()));
        }
    }

    // ---- lifecycle ----

    /** Stops the torrent with an error the user sees; verified pieces stay verified. */
    private void fail(String message) {
        if (state == TorrentState.REMOVED || state == TorrentState.ERROR) {
            return;
        }
        LOG.warn("{}: {}", metainfo.name(), message);
        error = message;
        stopSwarm("error: " + message);
        state = TorrentState.ERROR;
        engine.events().execute(() -> completion.completeExceptionally(new TorrentFailedException(message)));
    }

    /** Selection thread: disconnects every peer and stops announcing. */
    private CompletableFuture<Void> stopSwarm(String reason) {
        Swarm s = swarm;
        swarm = null;
        engine.wiring().deactivate(this);
        if (s != null) {
            s.stop(reason);
            engine.selection().removeSwarm(s);
        }
        AnnounceScheduler a = announcer;
        announcer = null;
        return a == null ? CompletableFuture.completedFuture(null) : a.stop();
    }

    @Override
    public void pause() {
        engine.selection().execute(() -> {
            if (state == TorrentState.DOWNLOADING || state == TorrentState.SEEDING) {
                stopSwarm("paused");
                state = TorrentState.PAUSED;
            }
        });
    }

    @Override
    public void resume() {
        engine.selection().execute(() -> {
            if (state == TorrentState.PAUSED || state == TorrentState.ERROR) {
                error = null;
                startSwarm();
            }
        });
    }

    @Override
    public CompletableFuture<Void> remove() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        engine.selection().execute(() -> {
            state = TorrentState.REMOVED;
            stopSwarm("removed").whenComplete((v, e) -> disk.close().whenComplete((v2, e2) -> done.complete(null)));
            engine.events().execute(() -> completion.completeExceptionally(new CancellationException("removed")));
        });
        return done;
    }

    /** Stops the torrent as the client closes: announces {@code stopped}, flushes the disk. */
    CompletableFuture<Void> shutdown() {
        return engine.selection().submit(() -> stopSwarm("client closing")).thenCompose(f -> f)
                .thenCompose(v -> disk.close());
    }

    // ---- what callers see ----

    @Override
    public InfoHash infoHash() {
        return metainfo.infoHashes().primary();
    }

    @Override
    public String name() {
        return metainfo.name();
    }

    @Override
    public Metainfo metainfo() {
        return metainfo;
    }

    @Override
    public CompletableFuture<Void> completion() {
        return completion;
    }

    @Override
    public List<PeerInfo> peers() {
        return peers.snapshot();
    }

    private long bytesVerified() {
        int count = have.cardinality();
        if (count == 0) {
            return 0;
        }
        int last = have.pieceCount() - 1;
        long bytes = (long) count * metainfo.pieceLength();
        return have.has(last) ? bytes - metainfo.pieceLength() + layout.pieceSize(last) : bytes;
    }

    private long totalBytes() {
        return metainfo.totalLength();
    }

    @Override
    public TorrentStatus status() {
        Swarm s = swarm;
        SwarmStatus st = s == null ? SwarmStatus.EMPTY : s.status();
        return new TorrentStatus(state, have.cardinality(), have.pieceCount(), bytesVerified(), totalBytes(),
                st.downloaded(), st.uploaded(), st.downloadRate(), st.uploadRate(), st.peers(), st.seeds(), checked,
                Optional.ofNullable(error));
    }

    @Override
    public String toString() {
        return metainfo.name() + " (" + wireId + ")";
    }
}
