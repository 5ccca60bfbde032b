package dev.spate.discovery.tracker.server;

/** A tracker request we refuse; the message goes back to the client as the {@code failure reason}. */
final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message, null, false, false);
    }
}
