package dev.spate.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, instead of sleeping for a guessed time. */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} until it holds; fails with {@code what} (and its state) at the deadline. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, () -> what, condition);
    }

    public static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1_000_000; // 1 ms, growing to 50 ms
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what.get());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 50_000_000);
        }
    }
}
