package dev.spate.disk;

import java.util.concurrent.atomic.AtomicLong;

/** The bytes that write tokens may still take: lock-free, exact. */
final class WriteBudget {

    private final long total;
    private final AtomicLong available;

    WriteBudget(long total) {
        this.total = total;
        this.available = new AtomicLong(total);
    }

    boolean tryTake(int bytes) {
        for (;;) {
            long a = available.get();
            if (a < bytes) {
                return false;
            }
            if (available.compareAndSet(a, a - bytes)) {
                return true;
            }
        }
    }

    void give(int bytes) {
        long a = available.addAndGet(bytes);
        assert a <= total : "write budget over-restored: " + a + " > " + total;
    }

    long available() {
        return available.get();
    }

    long total() {
        return total;
    }
}
