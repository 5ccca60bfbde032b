package dev.spate.discovery.tracker;

import java.net.URI;
import java.util.Objects;

/**
 * An announce or scrape that did not succeed. The message names the tracker and what went wrong,
 * written for the user: {@code http://t.example/announce: tracker refused: unregistered torrent}.
 */
public final class TrackerException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the exchange failed. */
    public enum Kind {
        /** The tracker answered with a {@code failure reason} (HTTP) or an error packet (UDP). */
        REJECTED("tracker refused"),
        /** The tracker could not be reached, the connection broke, or HTTP said no. */
        NETWORK("network error"),
        /** No answer in time (after every retransmission, for UDP). */
        TIMEOUT("no answer"),
        /** The tracker answered something that does not parse. */
        MALFORMED("malformed answer"),
        /** We cannot talk to this tracker: unknown scheme, no scrape URL, bad address. */
        UNSUPPORTED("unsupported");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final URI tracker;
    private final Kind kind;
    private final String detail;

    public TrackerException(URI tracker, Kind kind, String detail) {
        this(tracker, kind, detail, null);
    }

    public TrackerException(URI tracker, Kind kind, String detail, Throwable cause) {
        super(tracker + ": " + kind.label() + ": " + detail, cause);
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public URI tracker() {
        return tracker;
    }

    public Kind kind() {
        return kind;
    }

    /** What went wrong, without the tracker's address (for a {@link Kind#REJECTED}, the tracker's own words). */
    public String detail() {
        return detail;
    }
}
