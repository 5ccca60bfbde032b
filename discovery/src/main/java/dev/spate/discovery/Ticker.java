package dev.spate.discovery;

/**
 * A monotonic time source in nanoseconds, injected wherever discovery code measures time so
 * that tests can move time by hand (see Caffeine's {@code Ticker}). Only differences between two
 * readings mean anything.
 */
@FunctionalInterface
public interface Ticker {

    long nanoTime();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
