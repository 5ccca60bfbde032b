package dev.spate.client;

import dev.spate.discovery.Ticker;
import dev.spate.discovery.tracker.AnnounceScheduler;
import dev.spate.discovery.tracker.AnnounceStatus;
import dev.spate.discovery.tracker.AnnounceTarget;
import dev.spate.discovery.tracker.TrackerStatus;
import dev.spate.discovery.tracker.TransferCounters;
import dev.spate.metainfo.MagnetUri;
import dev.spate.metainfo.Metainfo;
import dev.spate.selection.SelectionConfig;
import dev.spate.selection.Swarm;
import dev.spate.selection.SwarmListener;
import dev.spate.selection.SwarmStatus;
import dev.spate.selection.limits.SwarmLimits;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One run of a torrent, from start (resume, a queue slot) to stop (pause, queue, error, close):
 * its swarm on the selection thread and the announcer of its trackers. Selection thread, except
 * the status readers.
 */
final class SwarmSession {
    private static final Logger LOG = LogManager.getLogger(SwarmSession.class);
    private final Engine engine;
    private final Swarm swarm;
    private final AnnounceScheduler announcer;
    private final Map<URI, Integer> failuresSeen = new HashMap<>();
    private final LongSupplier bytesLeft;

    /** @param bytesLeft what the trackers hear is left to download */
    SwarmSession(Engine engine, Torrent torrent, TorrentData data, SwarmListener listener, int[] piecePriorities,
            boolean sequential, SwarmLimits limits, List<List<URI>> trackers, RandomGenerator random,
            LongSupplier bytesLeft) {
        assert engine.selection().inLoop();
        this.engine = engine;
        this.bytesLeft = bytesLeft;
        this.swarm = new Swarm(data.metainfo.name(), data.layout.pieceLength(), data.layout.totalLength(), data.have,
                data.budget, listener, address -> engine.wiring().dial(torrent, address), engine.config().selection(),
                random, () -> engine.selection().execute(this::budgetAvailable));
        swarm.setSharedLimits(engine.shared());
        swarm.setLimits(limits);
        for (int p = 0; p < piecePriorities.length; p++) {
            swarm.picker().setPriority(p, piecePriorities[p]);
        }
        swarm.picker().setSequential(sequential);
        this.announcer = trackers.isEmpty() || !engine.config().announceEnabled() ? null
                : new AnnounceScheduler(new AnnounceTarget(torrent.wireId(), trackers, engine.peerId().toByteArray(),
                        engine.listenPort().getAsInt(), random.nextInt()), engine.trackers(), this::counters,
                        (tracker, peers) -> engine.selection().execute(() -> swarm.addCandidates(peers)),
                        engine.transport().group().next(), Ticker.system(), new java.util.Random(random.nextLong()),
                        engine.config().announce());
    }

    /** Joins the selection loop, takes peers, announces {@code started}. */
    void start(List<InetSocketAddress> candidates) {
        engine.selection().addSwarm(swarm);
        swarm.wantedChanged();
        swarm.addCandidates(candidates);
        if (announcer != null) {
            announcer.start();
            if (swarm.isFinished()) {
                announcer.completed();
            }
        }
    }

    Swarm swarm() {
        return swarm;
    }

    SwarmStatus status() {
        return swarm.status();
    }

    List<TrackerStatus> trackers() {
        return announcer == null ? List.of() : announcer.status().trackers();
    }

    /** The download finished in this run: tell a tracker {@code completed}. */
    void completed() {
        if (announcer != null) {
            announcer.completed();
        }
    }

    void setLimits(SwarmLimits limits) {
        swarm.setLimits(limits);
    }

    /** Trackers whose last announce failed since the last call, with the failure. */
    List<TrackerStatus> newTrackerFailures() {
        List<TrackerStatus> out = new ArrayList<>();
        for (TrackerStatus t : trackers()) {
            int seen = failuresSeen.getOrDefault(t.url(), 0);
            if (t.failures() > seen && t.lastError().isPresent()) {
                out.add(t);
            }
            failuresSeen.put(t.url(), t.failures());
        }
        return out;
    }

    /** Disconnects every peer and announces {@code stopped}; completes when the trackers heard it (or gave up). */
    CompletableFuture<Void> stop(String reason) {
        swarm.stop(reason);
        engine.selection().removeSwarm(swarm);
        return announcer == null ? CompletableFuture.completedFuture(null) : announcer.stop();
    }

    private void budgetAvailable() {
        swarm.budgetAvailable();
    }

    private TransferCounters counters() {
        SwarmStatus st = swarm.status();
        return new TransferCounters(st.uploaded(), st.downloaded(), bytesLeft.getAsLong());
    }

    /** The torrent's tiers of trackers (the magnet link's when it names none), then the extra ones, a tier each. */
    static List<List<URI>> tiers(Metainfo metainfo, MagnetUri magnet, List<String> extra) {
        List<List<String>> all = new ArrayList<>(metainfo.trackerTiers());
        if (all.isEmpty() && magnet != null && !magnet.trackers().isEmpty()) {
            all.add(magnet.trackers());
        }
        extra.forEach(t -> all.add(List.of(t)));
        List<List<URI>> tiers = new ArrayList<>();
        for (List<String> tier : all) {
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
        return tiers;
    }

    static SwarmLimits limits(TorrentLimits limits, SelectionConfig config) {
        return new SwarmLimits(limits.downloadRate(), limits.uploadRate(),
                limits.maxConnections() > 0 ? limits.maxConnections() : config.maxConnections(),
                limits.uploadSlots() != 0 ? limits.uploadSlots() : config.uploadSlots());
    }
}
