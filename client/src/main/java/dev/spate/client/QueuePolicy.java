package dev.spate.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Which queued torrents run: in queue order, the first {@code maxDownloads} torrents that want to
 * download and the first {@code maxSeeds} that seed, as Transmission does. A running torrent that
 * is stalled (it moved no data for a while) keeps running but holds no slot, so one dead torrent
 * does not block the queue. A negative limit means no limit. Pure.
 */
final class QueuePolicy {
    /** One torrent that may run, in queue order. */
    record Entry(boolean seeding, boolean running, boolean stalled) {
    }

    private QueuePolicy() {
    }

    /** For each entry, whether it should run. */
    static List<Boolean> decide(List<Entry> queue, int maxDownloads, int maxSeeds) {
        int downloads = maxDownloads < 0 ? Integer.MAX_VALUE : maxDownloads;
        int seeds = maxSeeds < 0 ? Integer.MAX_VALUE : maxSeeds;
        List<Boolean> run = new ArrayList<>(queue.size());
        for (Entry e : queue) {
            if (e.running() && e.stalled()) {
                run.add(true);
            } else if (e.seeding() && seeds > 0) {
                seeds--;
                run.add(true);
            } else if (!e.seeding() && downloads > 0) {
                downloads--;
                run.add(true);
            } else {
                run.add(false);
            }
        }
        return run;
    }
}
