package dev.spate.discovery.tracker;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** What an {@link AnnounceScheduler} knows of one tracker. Mutable; owned by the scheduler's event loop. */
final class TrackerEntry {
    final URI url;
    final int tier;
    /** A {@code started} reached it (or may have: one was in flight when we stopped). */
    boolean started;
    int failures;
    /** While failing: not tried again before this (ticker time). */
    long retryAtNanos;
    TrackerStatus.State state = TrackerStatus.State.IDLE;
    Optional<String> trackerId = Optional.empty();
    OptionalInt seeders = OptionalInt.empty();
    OptionalInt leechers = OptionalInt.empty();
    Optional<String> lastError = Optional.empty();
    Optional<String> lastWarning = Optional.empty();

    TrackerEntry(URI url, int tier) {
        this.url = url;
        this.tier = tier;
    }

    boolean mayTry(long nowNanos) {
        return failures == 0 || nowNanos - retryAtNanos >= 0;
    }

    void succeeded(AnnounceResponse r) {
        failures = 0;
        state = TrackerStatus.State.WORKING;
        if (r.trackerId().isPresent()) {
            trackerId = r.trackerId();
        }
        seeders = r.seeders();
        leechers = r.leechers();
        lastError = Optional.empty();
        if (r.warning().isPresent()) {
            lastWarning = r.warning();
        }
    }

    void failed(String error, long nowNanos, Duration backoff) {
        failures++;
        state = TrackerStatus.State.FAILING;
        lastError = Optional.of(error);
        retryAtNanos = nowNanos + backoff.toNanos();
    }

    TrackerStatus status(Optional<Duration> nextAnnounceIn) {
        return new TrackerStatus(url, tier, state, nextAnnounceIn, seeders, leechers, failures, lastError,
                lastWarning);
    }
}
