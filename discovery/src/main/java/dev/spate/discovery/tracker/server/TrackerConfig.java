package dev.spate.discovery.tracker.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the embedded tracker listens and what it allows.
 *
 * @param bindAddress      where HTTP and UDP listen
 * @param port             the port of both (0: a free one, the same for both)
 * @param interval         the {@code interval} told to clients; a peer silent for two of them is dropped
 * @param minInterval      the {@code min interval} told to HTTP clients
 * @param maxSwarms        torrents tracked at once; beyond it the least recently announced one goes
 * @param maxPeersPerSwarm peers per torrent; beyond it the one that announced longest ago goes
 * @param maxPeers         peers over all torrents; beyond it the stalest peers of the stalest torrents go
 * @param defaultNumWant   peers in a reply when the client does not say
 * @param maxNumWant       the most peers in a reply, whatever the client asks
 * @param maxHttpConnections HTTP connections open at once; more are closed at once
 */
public record TrackerConfig(InetAddress bindAddress, int port, Duration interval, Duration minInterval,
        int maxSwarms, int maxPeersPerSwarm, int maxPeers, int defaultNumWant, int maxNumWant,
        int maxHttpConnections) {

    public TrackerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (interval.toSeconds() < 1 || interval.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("interval must be at least 1 s: " + interval);
        }
        if (minInterval.isNegative() || minInterval.compareTo(interval) > 0) {
            throw new IllegalArgumentException("minInterval must be between 0 and the interval: " + minInterval);
        }
        if (maxSwarms < 1 || maxPeersPerSwarm < 1 || maxPeers < maxPeersPerSwarm) {
            throw new IllegalArgumentException("need maxSwarms >= 1 and 1 <= maxPeersPerSwarm <= maxPeers: "
                    + maxSwarms + ", " + maxPeersPerSwarm + ", " + maxPeers);
        }
        if (defaultNumWant < 0 || maxNumWant < defaultNumWant) {
            throw new IllegalArgumentException("need 0 <= defaultNumWant <= maxNumWant: " + defaultNumWant + ", "
                    + maxNumWant);
        }
        if (maxHttpConnections < 1) {
            throw new IllegalArgumentException("maxHttpConnections must be positive: " + maxHttpConnections);
        }
    }

    /** 127.0.0.1:6969, interval 120 s (min 10 s), 10,000 swarms, 2,000 peers each, 200,000 in all, 50 (max 200) a reply. */
    public static TrackerConfig defaults() {
        return new TrackerConfig(InetAddress.getLoopbackAddress(), 6969, Duration.ofSeconds(120),
                Duration.ofSeconds(10), 10_000, 2_000, 200_000, 50, 200, 1024);
    }

    public TrackerConfig withPort(int newPort) {
        return new TrackerConfig(bindAddress, newPort, interval, minInterval, maxSwarms, maxPeersPerSwarm, maxPeers,
                defaultNumWant, maxNumWant, maxHttpConnections);
    }

    public TrackerConfig withBindAddress(InetAddress address) {
        return new TrackerConfig(address, port, interval, minInterval, maxSwarms, maxPeersPerSwarm, maxPeers,
                defaultNumWant, maxNumWant, maxHttpConnections);
    }

    /** Sets the interval, and lowers the min interval to it if it was longer. */
    public TrackerConfig withInterval(Duration newInterval) {
        Duration min = minInterval.compareTo(newInterval) > 0 ? newInterval : minInterval;
        return new TrackerConfig(bindAddress, port, newInterval, min, maxSwarms, maxPeersPerSwarm, maxPeers,
                defaultNumWant, maxNumWant, maxHttpConnections);
    }

    public TrackerConfig withLimits(int swarms, int peersPerSwarm, int peers) {
        return new TrackerConfig(bindAddress, port, interval, minInterval, swarms, peersPerSwarm, peers,
                defaultNumWant, maxNumWant, maxHttpConnections);
    }

    /** How long a peer may stay silent before it is dropped: two intervals. */
    public Duration peerTimeout() {
        return interval.multipliedBy(2);
    }
}
