package dev.spate.interop;

import java.time.Duration;
import java.util.OptionalDouble;

/** A real client started by a {@link RealClient}: one process, one torrent. */
public interface RunningPeer extends AutoCloseable {

    /** For messages: "aria2 seeder". */
    String name();

    /** Its peer port on 127.0.0.1. */
    int port();

    long pid();

    boolean isAlive();

    /** The client reports every piece verified, now (a seeder: always). */
    boolean isComplete();

    /**
     * Waits until the client has every piece verified (a seeder: at once), at most {@code timeout}.
     * Returns false early if the process exits first.
     */
    boolean awaitComplete(Duration timeout) throws InterruptedException;

    /** The verified fraction, 0 to 1, as the client reports it; empty if it cannot say now. */
    OptionalDouble progress();

    /** The client's last words and state, for a failure message. */
    String describe();

    /** Stops the process by its PID (SIGTERM, then SIGKILL). Idempotent. */
    @Override
    void close();
}
