package dev.spate.discovery.tracker;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * BEP 12's order of trying trackers: tiers in order; within a tier an order shuffled once, with a
 * tracker that answers moved to the front of its tier.
 */
final class TrackerTiers {
    private final List<List<TrackerEntry>> tiers = new ArrayList<>();

    TrackerTiers(List<List<URI>> urls, Random random) {
        for (int t = 0; t < urls.size(); t++) {
            List<TrackerEntry> tier = new ArrayList<>();
            for (URI url : urls.get(t)) {
                tier.add(new TrackerEntry(url, t));
            }
            Collections.shuffle(tier, random);
            tiers.add(tier);
        }
    }

    /** The first tracker, in trying order, not waiting out a back-off at {@code nowNanos}; null if none. */
    TrackerEntry next(long nowNanos) {
        for (List<TrackerEntry> tier : tiers) {
            for (TrackerEntry e : tier) {
                if (e.mayTry(nowNanos)) {
                    return e;
                }
            }
        }
        return null;
    }

    /** When the first back-off ends (ticker time), or {@code Long.MAX_VALUE} with no tracker at all. */
    long firstRetryNanos(long nowNanos) {
        long first = Long.MAX_VALUE;
        for (TrackerEntry e : all()) {
            long at = e.mayTry(nowNanos) ? nowNanos : e.retryAtNanos;
            if (first == Long.MAX_VALUE || at - first < 0) {
                first = at;
            }
        }
        return first;
    }

    void moveToFront(TrackerEntry e) {
        List<TrackerEntry> tier = tiers.get(e.tier);
        tier.remove(e);
        tier.add(0, e);
    }

    /** Every tracker in trying order. */
    List<TrackerEntry> all() {
        List<TrackerEntry> all = new ArrayList<>();
        tiers.forEach(all::addAll);
        return all;
    }
}
