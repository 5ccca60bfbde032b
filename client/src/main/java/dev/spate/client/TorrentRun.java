package dev.spate.client;

import dev.spate.client.store.KnownPeer;
import dev.spate.client.store.ResumeSnapshot;
import dev.spate.client.store.Settings;
import dev.spate.client.store.StoredTorrent;
import dev.spate.client.store.Totals;
import dev.spate.discovery.tracker.TrackerStatus;
import dev.spate.selection.SwarmStatus;
import java.time.Duration;
import java.util.List;

/**
 * The bookkeeping of a torrent over its runs: transfer totals across sessions, time spent seeding,
 * whether it is stalled (moving no data, so it gives up its queue slot), its seed limits, tracker
 * failures as events, and what goes to the session store and when (resume data after pieces
 * are verified, settings when they change). Selection thread, except the volatile readers.
 */
final class TorrentRun {
    private static final long SECOND = 1_000_000_000L;
    /** A checkpoint this soon after the last verified piece may miss a write in a file's time: take another. */
    private static final long RACY_NANOS = (ResumePlan.RACY_MILLIS + 1_000) * 1_000_000L;

    private final Torrent torrent;
    private volatile long downloadedBefore;
    private volatile long uploadedBefore;
    private volatile long downloadedStored; // the part of the totals from earlier sessions
    private volatile long uploadedStored;
    private volatile long seedingNanosBefore;
    private volatile long seedingSince = -1;
    private long lastActivity;
    private long lastMoved = -1;
    private volatile boolean stalled;
    private boolean ignoreSeedLimits;
    private boolean piecesChanged;
    private long lastPieceAt;
    private long lastCheckpointAt;
    private boolean racyCheckpoint;
    private long totalsSaved = -1;

    TorrentRun(Torrent torrent) {
        this.torrent = torrent;
    }

    /** Totals, seeding time and known peers from the session. */
    void restore(StoredTorrent stored) {
        Totals t = stored.totals();
        downloadedBefore = t.downloaded();
        uploadedBefore = t.uploaded();
        downloadedStored = t.downloaded();
        uploadedStored = t.uploaded();
        seedingNanosBefore = t.seedingSeconds() * SECOND;
        torrent.peers.known.restore(stored.peers());
    }

    void started(long now) {
        lastActivity = now;
        lastMoved = -1;
        stalled = false;
        if (torrent.state() == TorrentState.SEEDING) {
            seedingSince = now;
        }
    }

    void startedSeeding(long now) {
        if (seedingSince < 0) {
            seedingSince = now;
        }
    }

    /** The run ends: its transfer joins the totals. */
    void stopped(long now) {
        SwarmSession s = torrent.session();
        if (s != null) {
            downloadedBefore += s.swarm().downloadedBytes();
            uploadedBefore += s.swarm().uploadedBytes();
        }
        if (seedingSince >= 0) {
            seedingNanosBefore += now - seedingSince;
            seedingSince = -1;
        }
        stalled = false;
        saveTotals();
    }

    void ignoreSeedLimits(boolean value) {
        ignoreSeedLimits = value;
    }

    void pieceVerified() {
        piecesChanged = true;
        lastPieceAt = torrent.engine.selection().now();
    }

    /** Received since the client started. */
    long downloadedNow() {
        return downloaded() - downloadedStored;
    }

    long uploadedNow() {
        return uploaded() - uploadedStored;
    }

    /** Received over every session. */
    long downloaded() {
        SwarmSession s = torrent.session();
        return downloadedBefore + (s == null ? 0 : s.status().downloaded());
    }

    long uploaded() {
        SwarmSession s = torrent.session();
        return uploadedBefore + (s == null ? 0 : s.status().uploaded());
    }

    Duration seedingTime(long now) {
        long since = seedingSince;
        return Duration.ofNanos(seedingNanosBefore + (since >= 0 ? now - since : 0));
    }

    boolean stalled() {
        return stalled;
    }

    /** Once a second. */
    void tick(long now) {
        SwarmSession s = torrent.session();
        if (s != null) {
            SwarmStatus st = s.status();
            long moved = st.downloaded() + st.uploaded();
            if (moved != lastMoved) {
                lastMoved = moved;
                lastActivity = now;
            }
            stalled = now - lastActivity > torrent.engine.config().queue().stalledAfter().toNanos();
            for (TrackerStatus t : s.newTrackerFailures()) {
                torrent.engine.bus().publish(seq -> new TorrentEvent.TrackerError(seq, torrent.infoHash(),
                        torrent.name(), t.url(), t.lastError().orElse("failed")));
            }
            if (torrent.state() == TorrentState.SEEDING && seedLimitReached(now)) {
                torrent.seedLimitReached();
                return;
            }
        }
        checkpoint(now);
    }

    private boolean seedLimitReached(long now) {
        TorrentLimits limits = torrent.limits();
        if (ignoreSeedLimits || !limits.hasSeedLimit()) {
            return false;
        }
        TorrentStatus status = torrent.status();
        return limits.seedRatio().isPresent() && status.ratio() >= limits.seedRatio().getAsDouble()
                || limits.seedTime().isPresent() && seedingTime(now).compareTo(limits.seedTime().get()) >= 0;
    }

    // ---- the session store ----

    private void checkpoint(long now) {
        long interval = torrent.engine.config().checkpointInterval().toNanos();
        boolean due = piecesChanged && now - lastCheckpointAt >= interval;
        boolean settle = racyCheckpoint && !piecesChanged && now - lastPieceAt > RACY_NANOS;
        if (due || settle) {
            checkpointNow();
        } else if (now - lastCheckpointAt >= interval) {
            saveTotals();
            savePeers();
        }
    }

    /** Stores the verified pieces now (the files are stamped by the store, just after). */
    void checkpointNow() {
        write(false);
    }

    /** After the torrent's files are closed: nothing can have been written after the stamps. */
    void checkpointClean() {
        write(true);
    }

    private void write(boolean clean) {
        TorrentData d = torrent.data();
        if (d == null || !torrent.engine.store().persistent()) {
            return;
        }
        long now = torrent.engine.selection().now();
        long takenMillis = System.currentTimeMillis();
        torrent.engine.store().saveResume(hash(), new ResumeSnapshot(d.disk.verifiedPieces(), d.stampedPaths(),
                takenMillis, clean));
        lastCheckpointAt = now;
        racyCheckpoint = !clean && piecesChanged && now - lastPieceAt <= RACY_NANOS;
        piecesChanged = false;
        saveTotals();
        savePeers();
    }

    private void saveTotals() {
        long now = torrent.engine.selection().now();
        Totals t = new Totals(downloaded(), uploaded(), seedingTime(now).toSeconds());
        long key = t.downloaded() * 31 + t.uploaded() * 17 + t.seedingSeconds();
        if (key != totalsSaved) {
            totalsSaved = key;
            torrent.engine.store().saveTotals(hash(), t);
        }
    }

    private void savePeers() {
        List<KnownPeer> peers = torrent.peers.known.takeChanges();
        if (peers != null) {
            torrent.engine.store().savePeers(hash(), peers);
        }
    }

    void saveSettings() {
        torrent.engine.store().saveSettings(hash(), settings());
    }

    Settings settings() {
        TorrentLimits l = torrent.limits();
        FilePriority[] p = torrent.filePriorities();
        return new Settings(torrent.queuePosition(), torrent.isPaused(),
                p == null ? new byte[0] : FilePriorities.encode(p), torrent.isSequential(), l.downloadRate(),
                l.uploadRate(), l.maxConnections(), l.uploadSlots(), l.seedRatio().orElse(Double.NaN),
                l.seedTime().map(Duration::toSeconds).orElse(-1L), l.seedLimitAction().name());
    }

    private String hash() {
        return torrent.infoHash().toHex();
    }
}
