package dev.spate.discovery.tracker.server;

/**
 * A snapshot of the embedded tracker's load.
 *
 * @param swarms         torrents tracked now
 * @param peers          peers tracked now, over all torrents
 * @param announces      announces answered (HTTP and UDP)
 * @param scrapes        scrapes answered
 * @param badRequests    requests answered with a failure reason or an error packet
 * @param droppedPackets UDP packets dropped unanswered (too short, unknown action, no magic)
 */
public record TrackerStats(int swarms, int peers, long announces, long scrapes, long badRequests,
        long droppedPackets) {
}
