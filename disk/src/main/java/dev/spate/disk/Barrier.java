package dev.spate.disk;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Work queued once on every disk thread: each thread runs {@code onEach} when it reaches the
 * barrier (so everything queued on it before has been done), and the last to arrive runs
 * {@code last} and completes {@link #done}. If the manager has stopped, arrivals happen on the
 * caller's thread without {@code onEach} (the thread, and the state it owned, are gone).
 */
final class Barrier implements DiskTask {

    interface Last {
        void run() throws IOException;
    }

    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger remaining;
    private final Consumer<DiskThread> onEach;
    private final Last last;

    Barrier(int threads, Consumer<DiskThread> onEach, Last last) {
        this.remaining = new AtomicInteger(threads);
        this.onEach = onEach;
        this.last = last;
    }

    @Override
    public void run(DiskThread thread) {
        onEach.accept(thread);
        arrive();
    }

    @Override
    public void reject() {
        arrive();
    }

    private void arrive() {
        if (remaining.decrementAndGet() == 0) {
            try {
                last.run();
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        }
    }
}
