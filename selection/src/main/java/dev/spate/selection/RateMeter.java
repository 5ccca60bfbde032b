package dev.spate.selection;

/**
 * Bytes per second over the last few seconds, from a clock the caller passes in: a ring of
 * one-second buckets. Not thread-safe: one owner (the selection thread).
 */
public final class RateMeter {
    private static final long SECOND = 1_000_000_000L;

    private final long[] buckets;
    private long currentSecond = Long.MIN_VALUE;
    private long total;

    public RateMeter(int seconds) {
        buckets = new long[Math.max(2, seconds)];
    }

    public void add(long bytes, long nowNanos) {
        roll(nowNanos);
        buckets[(int) Math.floorMod(currentSecond, (long) buckets.length)] += bytes;
        total += bytes;
    }

    /** Bytes per second averaged over the window (the current, partial second is left out). */
    public long rate(long nowNanos) {
        roll(nowNanos);
        long sum = 0;
        for (int i = 1; i < buckets.length; i++) {
            sum += buckets[(int) Math.floorMod(currentSecond - i, (long) buckets.length)];
        }
        return sum / (buckets.length - 1);
    }

    /** All bytes ever added. */
    public long total() {
        return total;
    }

    private void roll(long nowNanos) {
        long second = Math.floorDiv(nowNanos, SECOND);
        if (currentSecond == Long.MIN_VALUE) {
            currentSecond = second;
            return;
        }
        long gap = Math.min(second - currentSecond, buckets.length);
        for (long i = 1; i <= gap; i++) {
            buckets[(int) Math.floorMod(currentSecond + i, (long) buckets.length)] = 0;
        }
        if (second > currentSecond) {
            currentSecond = second;
        }
    }
}
