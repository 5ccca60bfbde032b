package dev.spate.selection;

import java.time.Duration;

/**
 * Tuning of the selection thread. {@link #defaults()} suits a desktop client; tests shrink the
 * intervals.
 *
 * @param uploadSlots          regular unchoke slots per torrent (negative: unlimited)
 * @param chokeInterval        how often the choker runs
 * @param optimisticInterval   how long an optimistic unchoke lasts
 * @param snubTimeout          a peer that delivers nothing this long while we wait is snubbed
 * @param requestQueueTime     how many seconds of a peer's rate to keep requested
 * @param minRequests          requests kept in flight to a peer whatever its rate
 * @param maxRequests          requests in flight to one peer at most (also capped by its reqq)
 * @param maxConnections       connections per torrent
 * @param tickInterval         how often timers, rates and the connection policy run
 */
public record SelectionConfig(int uploadSlots, Duration chokeInterval, Duration optimisticInterval,
        Duration snubTimeout, Duration requestQueueTime, int minRequests, int maxRequests,
        int maxConnections, Duration tickInterval) {

    public static SelectionConfig defaults() {
        return new SelectionConfig(4, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(3), 32, 1000, 50, Duration.ofMillis(100));
    }

    public SelectionConfig withUploadSlots(int slots) {
        return new SelectionConfig(slots, chokeInterval, optimisticInterval, snubTimeout, requestQueueTime,
                minRequests, maxRequests, maxConnections, tickInterval);
    }

    public SelectionConfig withMaxConnections(int connections) {
        return new SelectionConfig(uploadSlots, chokeInterval, optimisticInterval, snubTimeout, requestQueueTime,
                minRequests, maxRequests, connections, tickInterval);
    }

    public SelectionConfig withSnubTimeout(Duration timeout) {
        return new SelectionConfig(uploadSlots, chokeInterval, optimisticInterval, timeout, requestQueueTime,
                minRequests, maxRequests, maxConnections, tickInterval);
    }
}
