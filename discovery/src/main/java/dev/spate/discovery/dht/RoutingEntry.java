package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.NodeContact;
import java.util.concurrent.TimeUnit;

/**
 * A node in the routing table or in a bucket's replacement cache, with the times liveness is judged
 * by. Only nodes that answered a query of ours get here, so every entry has a reply time.
 */
final class RoutingEntry {
    /** BEP 5: a node is good for 15 minutes after it was last heard from. */
    static final long GOOD_FOR_NANOS = TimeUnit.MINUTES.toNanos(15);
    /** BEP 5 suggests trying once more before discarding a node that did not answer. */
    static final int BAD_AFTER_FAILURES = 2;

    final NodeContact contact;
    long lastReplyNanos;
    /** When it last queried us; meaningful only once {@link #queriedUs} is true. */
    long lastQueryNanos;
    boolean queriedUs;
    /** Queries in a row it did not answer. */
    int failures;

    RoutingEntry(NodeContact contact, long lastReplyNanos) {
        this.contact = contact;
        this.lastReplyNanos = lastReplyNanos;
    }

    NodeStatus status(long now) {
        if (failures >= BAD_AFTER_FAILURES) {
            return NodeStatus.BAD;
        }
        if (now - lastReplyNanos < GOOD_FOR_NANOS || queriedUs && now - lastQueryNanos < GOOD_FOR_NANOS) {
            return NodeStatus.GOOD;
        }
        return NodeStatus.QUESTIONABLE;
    }

    /** The last time we heard from it, by reply or query. */
    long lastSeenNanos() {
        return queriedUs && lastQueryNanos - lastReplyNanos > 0 ? lastQueryNanos : lastReplyNanos;
    }

    void replied(long now) {
        lastReplyNanos = now;
        failures = 0;
    }

    @Override
    public String toString() {
        return contact + (failures > 0 ? " (" + failures + " failures)" : "");
    }
}
