package dev.spate.disk;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** The bytes that write tokens may still take: lock-free, exact. */
final class WriteBudget {

    /** Waiters wake when a whole block fits again, not at every scrap given back. */
    private static final int WAKE_THRESHOLD = dev.spate.disk.layout.StorageLayout.BLOCK_SIZE;

    private final long total;
    private final AtomicLong available;
    /** One-shot wake-ups for takers that found the budget spent; run by whoever gives bytes back. */
    private final ConcurrentLinkedQueue<Runnable> waiters = new ConcurrentLinkedQueue<>();

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
        Runnable waiter;
        while (available.get() >= WAKE_THRESHOLD && (waiter = waiters.poll()) != null) {
            waiter.run();
        }
    }

    /** Runs {@code wakeUp} once, when bytes are next given back (at once if some are free now). */
    void whenAvailable(Runnable wakeUp) {
        waiters.add(wakeUp);
        // Bytes given back between the caller's failed take and now would not have seen the waiter.
        if (available.get() >= WAKE_THRESHOLD && waiters.remove(wakeUp)) {
            wakeUp.run();
        }
    }

    long available() {
        return available.get();
    }

    long total() {
        return total;
    }
}
