package dev.spate.discovery.lsd;

/** A datagram on the discovery port that is not a BEP 14 announce; the only exception the codec throws. */
public final class LsdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LsdException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Thrown for every stray datagram on a shared multicast port: the stack says nothing useful.
        return this;
    }
}
