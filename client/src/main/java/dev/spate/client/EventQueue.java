package dev.spate.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One subscriber's events: a lock-free queue filled by the producer and drained by at most one
 * task at a time on the subscriber's executor, so events arrive in order even on a pool. When the
 * backlog passes its bound, new progress events are dropped (counted); other events are always
 * queued. A drain also skips a progress event when a later one of the same kind and torrent is in
 * the same batch: only the newest counts.
 */
final class EventQueue implements EventSubscription {
    private static final Logger LOG = LogManager.getLogger(EventQueue.class);
    private static final int BATCH = 256;

    private final Executor executor;
    private final Consumer<? super TorrentEvent> consumer;
    private final Executor handOff;
    private final int progressBacklog;
    private final Consumer<EventQueue> onClose;
    private final ConcurrentLinkedQueue<TorrentEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    EventQueue(Executor executor, Consumer<? super TorrentEvent> consumer, Executor handOff, int progressBacklog,
            Consumer<EventQueue> onClose) {
        this.executor = executor;
        this.consumer = consumer;
        this.handOff = handOff;
        this.progressBacklog = progressBacklog;
        this.onClose = onClose;
    }

    /** The producer's side: never blocks, never runs the consumer. */
    void offer(TorrentEvent event) {
        if (closed) {
            return;
        }
        if (event.isProgress() && size.get() >= progressBacklog) {
            dropped.incrementAndGet();
            return;
        }
        queue.add(event);
        size.incrementAndGet();
        if (scheduled.compareAndSet(false, true)) {
            try {
                handOff.execute(this::submitDrain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // the client is closing
            }
        }
    }

    private void submitDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.warn("an event subscriber's executor refused its events; the subscription is closed");
            close();
        }
    }

    private void drain() {
        List<TorrentEvent> batch = new ArrayList<>(Math.min(BATCH, size.get()));
        TorrentEvent e;
        while (batch.size() < BATCH && (e = queue.poll()) != null) {
            batch.add(e);
        }
        size.addAndGet(-batch.size());
        Set<String> newer = new HashSet<>();
        List<TorrentEvent> deliver = new ArrayList<>(batch.size());
        for (int i = batch.size() - 1; i >= 0; i--) {
            TorrentEvent event = batch.get(i);
            if (event instanceof TorrentEvent.CheckingProgress && !newer.add("check " + event.infoHash())) {
                dropped.incrementAndGet();
                continue;
            }
            deliver.add(event);
        }
        for (int i = deliver.size() - 1; i >= 0 && !closed; i--) {
            try {
                consumer.accept(deliver.get(i));
            } catch (RuntimeException ex) {
                LOG.error("an event subscriber failed on {}", deliver.get(i), ex);
            }
        }
        scheduled.set(false);
        if (!queue.isEmpty() && !closed && scheduled.compareAndSet(false, true)) {
            submitDrain();
        }
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        closed = true;
        onClose.accept(this);
    }
}
