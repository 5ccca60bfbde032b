package dev.spate.discovery.tracker.server;

/**
 * A snapshot of the embedded tracker's load.
 *
 * @param swarms         torrents tracked now
 * @param peers          peers tracked now, over all torrents
 * @param httpAnnounces  announces answered over HTTP
 * @param udpAnnounces   announces answered over UDP
 * @param scrapes        scrapes answered
 * @param badRequests    requests answered with a failure reason or an error packet
 * @param droppedPackets UDP packets dropped unanswered (too short, unknown action, no magic)
 */
public record TrackerStats(int swarms, int peers, long httpAnnounces, long udpAnnounces, long scrapes,
        long badRequests, long droppedPackets) {

    /** Announces answered, HTTP and UDP. */
    public long announces() {
        return httpAnnounces + udpAnnounces;
    }
}
