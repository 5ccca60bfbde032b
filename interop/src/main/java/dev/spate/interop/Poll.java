package dev.spate.interop;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, checking it every few milliseconds: never a blind sleep. */
public final class Poll {
    private static final long INTERVAL_NANOS = 20_000_000;

    private Poll() {
    }

    /**
     * Checks {@code condition} until it holds or {@code timeout} passes.
     *
     * @return true if it held, false if time ran out
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting");
            }
        }
        return true;
    }
}
