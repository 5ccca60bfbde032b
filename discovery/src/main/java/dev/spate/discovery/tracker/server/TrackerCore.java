package dev.spate.discovery.tracker.server;

import dev.spate.discovery.Ticker;
import java.util.SplittableRandom;

/**
 * What the HTTP and UDP front ends share: the swarms, the connection id issuer, the counters.
 * Owned by the tracker's one event loop, which runs both front ends.
 */
final class TrackerCore {
    final TrackerConfig config;
    final Ticker ticker;
    final SwarmRegistry swarms;
    final ConnectionIds connectionIds;
    long httpAnnounces;
    long udpAnnounces;
    long scrapes;
    long badRequests;
    long droppedPackets;

    TrackerCore(TrackerConfig config, Ticker ticker) {
        this.config = config;
        this.ticker = ticker;
        this.swarms = new SwarmRegistry(config, new SplittableRandom());
        this.connectionIds = new ConnectionIds(ticker);
    }

    TrackerStats stats() {
        return new TrackerStats(swarms.swarmCount(), swarms.peerCount(), httpAnnounces, udpAnnounces, scrapes,
                badRequests, droppedPackets);
    }

    int intervalSeconds() {
        return (int) config.interval().toSeconds();
    }
}
