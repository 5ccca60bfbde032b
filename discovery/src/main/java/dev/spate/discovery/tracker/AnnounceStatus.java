package dev.spate.discovery.tracker;

import java.util.List;

/**
 * A snapshot of a torrent's trackers, in the order they are tried (tiers in order, each tier in
 * its current order). Safe to read from any thread.
 *
 * @param running true between {@code start()} and {@code stop()}
 */
public record AnnounceStatus(boolean running, List<TrackerStatus> trackers) {

    public AnnounceStatus {
        trackers = List.copyOf(trackers);
    }
}
