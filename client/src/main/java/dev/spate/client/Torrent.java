package dev.spate.client;

import dev.spate.client.store.StoredTorrent;
import dev.spate.handshake.EncryptionPolicy;
import dev.spate.handshake.HandshakeResult;
import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.MagnetUri;
import dev.spate.metainfo.Metainfo;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One torrent in a client, and its handle. Life: (fetching metadata), checking what is on disk,
 * queued, then downloading or seeding while the queue gives it a slot; paused and resumed,
 * finished by a seed limit, failed by an error, removed. Every change of state happens on the
 * selection thread (the handle's methods post there); fields marked volatile are read by status
 * snapshots from any thread. Its parts: {@link TorrentData} (what the metainfo builds),
 * {@link TorrentCheck} (resume data and hashing), {@link SwarmSession} (one run's swarm and
 * trackers), {@link TorrentRun} (totals, stalls, seed limits, what the session store gets),
 * {@link TorrentPeers} (connections and known addresses), {@link TorrentListeners} (what swarm and
 * disk say).
 */
final class Torrent implements TorrentHandle {
    private static final Logger LOG = LogManager.getLogger(Torrent.class);

    final Engine engine;
    private final InfoHash infoHash;
    private final InfoHash wireId;
    private final Path downloadDir;
    private final MagnetUri magnet;
    private final long addedMillis;
    private final List<String> extraTrackers;
    private final RandomGenerator random = new SecureRandom();
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    final TorrentRun run;
    final TorrentPeers peers;
    private final TorrentCheck check = new TorrentCheck(this);

    private volatile TorrentData data;
    private volatile TorrentState state;
    private volatile String error;
    private volatile FilePriority[] priorities; // replaced, never changed in place; null until the metadata
    private volatile int[] piecePriorities;
    private Map<Integer, FilePriority> requestedPriorities; // selection: a magnet's, until its metadata
    private volatile boolean sequential;
    private volatile TorrentLimits limits;
    private volatile boolean paused;
    private volatile SwarmSession session;
    private volatile int queuePosition;
    private boolean completeSeen; // selection: Finished was told for the current set of wanted pieces
    private boolean checkedOnce; // selection: what is verified is known (resume data may be written)
    private volatile boolean closing;

    /** A torrent from its metainfo, or from a magnet link ({@code metainfo} null). */
    Torrent(Engine engine, Metainfo metainfo, MagnetUri magnet, Path downloadDir, AddOptions options,
            long addedMillis) {
        this.engine = engine;
        this.infoHash = metainfo != null ? metainfo.infoHashes().primary() : magnet.infoHashes().primary();
        this.wireId = InfoHash.of(infoHash.wireId());
        this.downloadDir = downloadDir.toAbsolutePath().normalize();
        this.magnet = magnet;
        this.addedMillis = addedMillis;
        this.extraTrackers = options.trackers();
        this.sequential = options.sequential();
        this.paused = options.paused();
        this.limits = options.limits().orElse(engine.config().defaultLimits());
        this.requestedPriorities = options.filePriorities();
        this.run = new TorrentRun(this);
        this.peers = new TorrentPeers(this, options.peers());
        this.state = metainfo == null ? TorrentState.FETCHING_METADATA : TorrentState.CHECKING;
        if (metainfo != null) {
            setData(metainfo);
        }
    }

    private void setData(Metainfo metainfo) {
        TorrentData d = new TorrentData(engine, metainfo, downloadDir, new TorrentListeners.Disk(this));
        FilePriority[] p = FilePriorities.of(d.layout.fileCount(), requestedPriorities);
        requestedPriorities = null;
        piecePriorities = FilePriorities.pieces(d.layout, p);
        priorities = p;
        d.applySkips(p);
        data = d;
    }

    InfoHash wireId() {
        return wireId;
    }

    /** This torrent's protocol encryption policy (for now the client's; per torrent once add options carry it). */
    EncryptionPolicy encryption() {
        return engine.config().encryption();
    }

    TorrentData data() {
        return data;
    }

    int[] piecePriorities() {
        return piecePriorities;
    }

    FilePriority[] filePriorities() {
        return priorities;
    }

    Path downloadDir() {
        return downloadDir;
    }

    MagnetUri magnet() {
        return magnet;
    }

    long addedMillis() {
        return addedMillis;
    }

    boolean isPaused() {
        return paused;
    }

    boolean isSequential() {
        return sequential;
    }

    SwarmSession session() {
        return session;
    }

    int queuePosition() {
        return queuePosition;
    }

    void queuePosition(int position) {
        queuePosition = position;
    }

    TorrentState state() {
        return state;
    }

    // ---- life (selection thread) ----

    /** Joins the client: checks the data (trusting stored resume data it can), or waits for metadata. */
    void start(Optional<StoredTorrent> stored) {
        assert engine.selection().inLoop();
        TorrentState first = state;
        engine.bus().publish(seq -> new TorrentEvent.Added(seq, infoHash, name(), downloadDir, first));
        stored.ifPresent(run::restore);
        if (data != null) {
            check.begin(stored.isPresent() ? stored : null);
        }
    }

    /**
     * The seam for the metadata exchange (issue 6): a magnet's info dictionary arrived from peers
     * and was verified against the info hash. Any thread. The torrent moves on to checking and
     * downloading as if it had been added with this metainfo; the metadata is stored so a restart
     * does not fetch it again.
     *
     * @throws IllegalArgumentException if the metainfo is not this torrent's
     */
    void metadataReceived(Metainfo metainfo) {
        if (!metainfo.infoHashes().primary().equals(infoHash)) {
            throw new IllegalArgumentException("metadata of " + metainfo.infoHashes().primary() + " for " + infoHash);
        }
        engine.selection().execute(() -> {
            if (state != TorrentState.FETCHING_METADATA) {
                return;
            }
            int files = metainfo.files().size();
            requestedPriorities = new java.util.HashMap<>(requestedPriorities);
            // asked for before the file count was known
            requestedPriorities.keySet().removeIf(f -> f < 0 || f >= files);
            setData(metainfo);
            engine.store().saveTorrent(infoHash.toHex(), metainfo.toTorrentBytes(), magnet.toString(),
                    downloadDir.toString(), addedMillis);
            engine.bus().publish(seq -> new TorrentEvent.MetadataReceived(seq, infoHash, name(),
                    metainfo.files().size(), metainfo.totalLength()));
            check.begin(null);
        });
    }

    /** Selection thread: the check is done (the verified pieces are in {@code have}). */
    void checked() {
        TorrentData d = data;
        checkedOnce = true;
        run.checkpointNow();
        setState(paused ? TorrentState.PAUSED : TorrentState.QUEUED);
        engine.queue().update();
        if (d.isComplete(piecePriorities)) {
            announceComplete();
            completeFuture();
        }
    }

    /** The queue gives this torrent a slot: connect to peers, announce. */
    void startRunning() {
        assert engine.selection().inLoop();
        if (state != TorrentState.QUEUED) {
            return;
        }
        TorrentData d = data;
        SwarmSession s = new SwarmSession(engine, this, d, new TorrentListeners.Swarm(this), piecePriorities,
                sequential,
                SwarmSession.limits(limits, engine.config().selection()),
                SwarmSession.tiers(d.metainfo, magnet, extraTrackers), random,
                () -> Math.max(0, d.layout.totalLength() - d.bytesVerified()));
        session = s;
        engine.wiring().activate(this);
        List<InetSocketAddress> candidates = peers.candidates();
        setState(d.isComplete(piecePriorities) ? TorrentState.SEEDING : TorrentState.DOWNLOADING);
        run.started(engine.selection().now());
        s.start(candidates);
    }

    /** The queue takes the slot back (or the user pauses, or the client closes). */
    CompletableFuture<Void> stopRunning(String reason, TorrentState next) {
        SwarmSession s = session;
        CompletableFuture<Void> stopped = CompletableFuture.completedFuture(null);
        if (s != null) {
            run.stopped(engine.selection().now());
            session = null;
            engine.wiring().deactivate(this);
            stopped = s.stop(reason);
        }
        if (next != null) {
            setState(next);
        }
        return stopped;
    }

    /** Every wanted piece is verified: the Finished event, once per set of wanted pieces. */
    void announceComplete() {
        if (!completeSeen) {
            completeSeen = true;
            long bytes = data.bytesVerified();
            engine.bus().publish(seq -> new TorrentEvent.Finished(seq, infoHash, name(), bytes));
        }
    }

    /**
     * Then the wanted empty files are made and the completion future completes, on the client's
     * event thread, after the state the torrent is in now (so a caller woken by it sees SEEDING).
     */
    void completeFuture() {
        TorrentData d = data;
        FilePriority[] p = priorities;
        engine.events().execute(() -> {
            try {
                d.createEmptyFiles(p);
            } catch (java.io.IOException e) {
                engine.selection().execute(() -> fail("cannot create empty files: " + e.getMessage()));
                return;
            }
            completion.complete(null);
        });
    }

    /** Stops the torrent with an error the user sees; verified pieces stay verified. */
    void fail(String message) {
        if (state == TorrentState.REMOVED || state == TorrentState.ERROR || closing) {
            return; // a check cut short by the client closing is no failure
        }
        LOG.warn("{}: {}", name(), message);
        error = message;
        stopRunning("error: " + message, TorrentState.ERROR);
        engine.bus().publish(seq -> new TorrentEvent.Failed(seq, infoHash, name(), message));
        engine.events().execute(() -> completion.completeExceptionally(new TorrentFailedException(message)));
        engine.queue().update();
    }

    void setState(TorrentState next) {
        TorrentState previous = state;
        if (previous != next) {
            state = next;
            engine.bus().publish(seq -> new TorrentEvent.StateChanged(seq, infoHash, name(), previous, next));
        }
    }

    /** A seed limit was reached. */
    void seedLimitReached() {
        LOG.info("{}: seed limit reached ({})", name(), limits.seedLimitAction());
        if (limits.seedLimitAction() == SeedLimitAction.REMOVE) {
            removeNow(new CompletableFuture<>());
        } else {
            stopRunning("seed limit reached", TorrentState.FINISHED);
            engine.queue().update();
        }
    }

    /**
     * Stops the torrent as the client closes: announces {@code stopped} (the first future), and
     * closes its files and then stores clean resume data (the second), both at once.
     */
    List<CompletableFuture<Void>> shutdown() {
        closing = true;
        CompletableFuture<CompletableFuture<Void>> stopping = engine.selection()
                .submit(() -> stopRunning("client closing", null));
        CompletableFuture<Void> announced = stopping.thenCompose(f -> f).exceptionally(e -> null);
        CompletableFuture<Void> stored = stopping.thenCompose(f -> {
            TorrentData d = data;
            return d == null ? CompletableFuture.<Void>completedFuture(null) : d.disk.close();
        }).exceptionally(e -> null).thenCompose(v -> engine.selection().submit(() -> {
            if (checkedOnce) { // a torrent closed in its check keeps the resume data it had
                run.checkpointClean();
            }
            return null;
        }));
        return List.of(announced, stored);
    }

    // ---- peers ----

    /** A handshake for this torrent completed. Event loop. */
    void attachPeer(Channel channel, HandshakeResult result, InetSocketAddress address) {
        peers.attach(channel, result, address);
    }

    void dialFailed(InetSocketAddress address, String reason) {
        peers.dialFailed(address, reason);
    }

    @Override
    public void addPeer(InetSocketAddress address) {
        peers.add(address);
    }

    // ---- the handle (any thread: each posts to the selection thread) ----

    @Override
    public void pause() {
        engine.selection().execute(() -> {
            paused = true;
            run.saveSettings();
            if (state == TorrentState.QUEUED || state.isRunning() || state == TorrentState.FINISHED) {
                stopRunning("paused", TorrentState.PAUSED);
                engine.queue().update();
            }
        });
    }

    @Override
    public void resume() {
        engine.selection().execute(() -> {
            paused = false;
            run.saveSettings();
            if (state == TorrentState.PAUSED || state == TorrentState.ERROR || state == TorrentState.FINISHED) {
                run.ignoreSeedLimits(state == TorrentState.FINISHED);
                error = null;
                setState(TorrentState.QUEUED);
                engine.queue().update();
            }
        });
    }

    @Override
    public CompletableFuture<Void> remove() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        engine.selection().execute(() -> removeNow(done));
        return done;
    }

    private void removeNow(CompletableFuture<Void> done) {
        if (state == TorrentState.REMOVED) {
            done.complete(null);
            return;
        }
        CompletableFuture<Void> stopped = stopRunning("removed", TorrentState.REMOVED);
        engine.queue().remove(this);
        engine.store().delete(infoHash.toHex());
        engine.bus().publish(seq -> new TorrentEvent.Removed(seq, infoHash, name()));
        TorrentData d = data;
        stopped.exceptionally(e -> null)
                .thenCompose(v -> d == null ? CompletableFuture.completedFuture(null) : d.disk.close())
                .whenComplete((v, e) -> done.complete(null));
        engine.events().execute(() -> completion.completeExceptionally(new CancellationException("removed")));
    }

    @Override
    public void setFilePriority(int file, FilePriority priority) {
        setFilePriorities(Map.of(file, priority));
    }

    @Override
    public void setFilePriorities(Map<Integer, FilePriority> changes) {
        Map<Integer, FilePriority> copy = Map.copyOf(changes);
        engine.selection().execute(() -> {
            TorrentData d = data;
            if (d == null) {
                requestedPriorities = new java.util.HashMap<>(requestedPriorities);
                requestedPriorities.putAll(copy);
                return;
            }
            FilePriority[] next = priorities.clone();
            copy.forEach((file, p) -> {
                if (file >= 0 && file < next.length) {
                    next[file] = p;
                }
            });
            applyPriorities(d, next);
        });
    }

    private void applyPriorities(TorrentData d, FilePriority[] next) {
        if (Arrays.equals(next, priorities)) {
            return;
        }
        priorities = next;
        piecePriorities = FilePriorities.pieces(d.layout, next);
        d.applySkips(next);
        run.saveSettings();
        boolean complete = d.isComplete(piecePriorities);
        SwarmSession s = session;
        if (s != null) {
            for (int p = 0; p < piecePriorities.length; p++) {
                s.swarm().picker().setPriority(p, piecePriorities[p]);
            }
            s.swarm().wantedChanged(); // may call finished()
        }
        if (!complete) {
            completeSeen = false;
            if (state == TorrentState.SEEDING) {
                setState(TorrentState.DOWNLOADING);
            } else if (state == TorrentState.FINISHED) {
                setState(TorrentState.QUEUED);
            }
        }
        engine.queue().update();
        if (complete && state != TorrentState.CHECKING && state != TorrentState.FETCHING_METADATA) {
            announceComplete();
            completeFuture();
        }
    }

    @Override
    public void setSequential(boolean value) {
        engine.selection().execute(() -> {
            sequential = value;
            SwarmSession s = session;
            if (s != null) {
                s.swarm().picker().setSequential(value);
            }
            run.saveSettings();
        });
    }

    @Override
    public void setLimits(TorrentLimits value) {
        engine.selection().execute(() -> {
            limits = value;
            run.ignoreSeedLimits(false);
            SwarmSession s = session;
            if (s != null) {
                s.setLimits(SwarmSession.limits(value, engine.config().selection()));
            }
            run.saveSettings();
        });
    }

    @Override
    public TorrentLimits limits() {
        return limits;
    }

    @Override
    public void moveInQueue(QueueMove move) {
        engine.selection().execute(() -> engine.queue().move(this, move));
    }

    // ---- what callers see ----

    @Override
    public InfoHash infoHash() {
        return infoHash;
    }

    @Override
    public String name() {
        TorrentData d = data;
        if (d != null) {
            return d.metainfo.name();
        }
        return magnet.displayName().orElse(infoHash.toHex());
    }

    @Override
    public Optional<Metainfo> metainfo() {
        TorrentData d = data;
        return d == null ? Optional.empty() : Optional.of(d.metainfo);
    }

    @Override
    public CompletableFuture<Void> completion() {
        return completion;
    }

    @Override
    public List<PeerInfo> peers() {
        return peers.table.snapshot();
    }

    @Override
    public TorrentStatus status() {
        return StatusSnapshot.of(this, data, session, state, check.fraction(), error);
    }

    @Override
    public String toString() {
        return name() + " (" + wireId + ")";
    }
}
