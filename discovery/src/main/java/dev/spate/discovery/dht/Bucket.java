package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * One k-bucket: up to {@link RoutingTable#K} entries, and a replacement cache of up to as many
 * nodes that answered us while the bucket was full, most recent last.
 */
final class Bucket {
    final List<RoutingEntry> entries = new ArrayList<>(RoutingTable.K);
    final List<RoutingEntry> replacements = new ArrayList<>(RoutingTable.K);
    /** BEP 5's "last changed": a node added, replaced, or pinged and answering. */
    long lastChangedNanos;

    Bucket(long now) {
        this.lastChangedNanos = now;
    }

    boolean isFull() {
        return entries.size() >= RoutingTable.K;
    }

    /** The first bad entry, or null. */
    RoutingEntry firstBad(long now) {
        for (RoutingEntry e : entries) {
            if (e.status(now) == NodeStatus.BAD) {
                return e;
            }
        }
        return null;
    }

    /** The questionable entry heard from longest ago, or null: the next one to ping. */
    RoutingEntry stalestQuestionable(long now) {
        RoutingEntry stalest = null;
        for (RoutingEntry e : entries) {
            if (e.status(now) == NodeStatus.QUESTIONABLE
                    && (stalest == null || e.lastSeenNanos() - stalest.lastSeenNanos() < 0)) {
                stalest = e;
            }
        }
        return stalest;
    }

    /** Keeps {@code e} as a replacement, dropping the oldest one when the cache is full. */
    void cache(RoutingEntry e) {
        removeReplacement(e.contact.id());
        if (replacements.size() >= RoutingTable.K) {
            replacements.remove(0);
        }
        replacements.add(e);
    }

    void removeReplacement(NodeId id) {
        replacements.removeIf(r -> r.contact.id().equals(id));
    }

    /** Takes the replacement that answered most recently, or null when there is none. */
    RoutingEntry takeReplacement() {
        return replacements.isEmpty() ? null : replacements.remove(replacements.size() - 1);
    }
}
