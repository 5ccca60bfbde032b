package dev.spate.discovery.tracker;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One tracker of a torrent as a status display shows it; immutable.
 *
 * @param tier           its BEP 12 tier, from 0
 * @param state          what it is doing
 * @param nextAnnounceIn when we announce to it next, counted from the snapshot; empty if not planned
 * @param failures       failures in a row
 * @param lastError      the last failure's message, until an announce succeeds
 * @param lastWarning    the last {@code warning message} it sent
 */
public record TrackerStatus(URI url, int tier, State state, Optional<Duration> nextAnnounceIn, OptionalInt seeders,
        OptionalInt leechers, int failures, Optional<String> lastError, Optional<String> lastWarning) {

    public enum State {
        /** Not contacted yet, or stopped. */
        IDLE,
        /** An announce is on its way. */
        ANNOUNCING,
        /** Its last announce succeeded. */
        WORKING,
        /** Its last announce failed; it waits out a back-off. */
        FAILING
    }
}
