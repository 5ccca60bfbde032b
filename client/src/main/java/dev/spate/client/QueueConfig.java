package dev.spate.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How many torrents run at once.
 *
 * @param maxActiveDownloads torrents downloading at once; negative for no limit
 * @param maxActiveSeeds     torrents seeding at once; negative for no limit
 * @param stalledAfter       a running torrent that moves no data this long is stalled: it keeps
 *                           running but no longer holds a slot, so the next in the queue starts
 */
public record QueueConfig(int maxActiveDownloads, int maxActiveSeeds, Duration stalledAfter) {

    public QueueConfig {
        Objects.requireNonNull(stalledAfter, "stalledAfter");
    }

    /** 5 downloads, seeds without limit, stalled after 30 minutes (as Transmission). */
    public static QueueConfig defaults() {
        return new QueueConfig(5, -1, Duration.ofMinutes(30));
    }

    /** No limits. */
    public static QueueConfig unlimited() {
        return new QueueConfig(-1, -1, Duration.ofMinutes(30));
    }

    public QueueConfig withMaxActiveDownloads(int n) {
        return new QueueConfig(n, maxActiveSeeds, stalledAfter);
    }

    public QueueConfig withMaxActiveSeeds(int n) {
        return new QueueConfig(maxActiveDownloads, n, stalledAfter);
    }

    public QueueConfig withStalledAfter(Duration d) {
        return new QueueConfig(maxActiveDownloads, maxActiveSeeds, d);
    }
}
