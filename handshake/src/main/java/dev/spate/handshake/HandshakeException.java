package dev.spate.handshake;

import java.util.Objects;

/**
 * A handler before {@link HandshakeHandler} (the MSE handshake) gave up on the connection: fired
 * down the pipeline as an exception, it ends the handshake with {@link #reason()}.
 */
public final class HandshakeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final HandshakeFailure reason;

    public HandshakeException(HandshakeFailure reason, String detail) {
        super(detail, null, false, false); // an expected outcome: no stack trace
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public HandshakeFailure reason() {
        return reason;
    }
}
