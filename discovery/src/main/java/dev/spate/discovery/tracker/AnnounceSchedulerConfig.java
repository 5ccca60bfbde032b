package dev.spate.discovery.tracker;

import java.time.Duration;

/**
 * Timings of an {@link AnnounceScheduler}.
 *
 * @param numWant            peers asked for in each announce
 * @param retryBase          a tracker that failed once is tried again after this, then twice as long each time
 * @param retryMax           the longest back-off
 * @param attemptTimeout     an announce unanswered this long counts as failed, so the next tracker gets its turn
 * @param stopDeadline       how long {@code stopped} announces may take before {@code stop()} completes anyway
 * @param defaultMinInterval the shortest wait between announces when the tracker names no {@code min interval}
 * @param intervalFloor      a tracker's {@code interval} is never taken below this
 */
public record AnnounceSchedulerConfig(int numWant, Duration retryBase, Duration retryMax, Duration attemptTimeout,
        Duration stopDeadline, Duration defaultMinInterval, Duration intervalFloor) {

    public AnnounceSchedulerConfig {
        if (numWant < -1) {
            throw new IllegalArgumentException("numWant must be -1 or more: " + numWant);
        }
        for (Duration d : new Duration[] {retryBase, retryMax, attemptTimeout, stopDeadline, intervalFloor}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive: " + d);
            }
        }
        if (defaultMinInterval.isNegative()) {
            throw new IllegalArgumentException("defaultMinInterval must not be negative: " + defaultMinInterval);
        }
    }

    /** 50 peers; retries after 15 s doubling up to 30 min; 40 s an attempt; 5 s to stop; 30 s min interval; 1 s floor. */
    public static AnnounceSchedulerConfig defaults() {
        return new AnnounceSchedulerConfig(50, Duration.ofSeconds(15), Duration.ofMinutes(30), Duration.ofSeconds(40),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    /** The back-off after {@code failures} failures in a row (1 or more): base * 2^(failures-1), at most the max. */
    public Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration d = retryBase.multipliedBy(1L << doublings);
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}
