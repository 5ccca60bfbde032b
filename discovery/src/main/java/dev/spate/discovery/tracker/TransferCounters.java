package dev.spate.discovery.tracker;

/** A torrent's counters as trackers want them, read at each announce. */
public record TransferCounters(long uploaded, long downloaded, long left) {

    public TransferCounters {
        if (uploaded < 0 || downloaded < 0 || left < 0) {
            throw new IllegalArgumentException("negative counter: " + uploaded + ", " + downloaded + ", " + left);
        }
    }
}
