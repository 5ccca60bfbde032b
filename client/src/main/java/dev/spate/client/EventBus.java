package dev.spate.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Numbers torrent events and hands them to subscribers. One producer (the selection thread, which
 * owns every torrent's state), so numbers follow the order of what happened; many subscribers,
 * each with its own queue, drained on its own executor (see {@link EventQueue}). Publishing never
 * blocks and never runs a subscriber.
 */
final class EventBus {
    /** Backlog of a subscriber past which its progress events are dropped. */
    static final int PROGRESS_BACKLOG = 1024;

    private final List<EventQueue> subscribers = new CopyOnWriteArrayList<>();
    private final Executor handOff;
    private final BooleanSupplier onProducerThread;
    private long nextSequence = 1;

    /**
     * @param handOff          a thread of the client's own (not an engine thread) that hands each
     *                         subscriber's drain to the subscriber's executor, so that an executor
     *                         that runs tasks inline never runs one on the selection thread
     * @param onProducerThread checks the one-producer rule
     */
    EventBus(Executor handOff, BooleanSupplier onProducerThread) {
        this.handOff = handOff;
        this.onProducerThread = onProducerThread;
    }

    EventSubscription subscribe(Executor executor, Consumer<? super TorrentEvent> consumer) {
        EventQueue queue = new EventQueue(executor, consumer, handOff, PROGRESS_BACKLOG, subscribers::remove);
        subscribers.add(queue);
        return queue;
    }

    /** Numbers an event and queues it for every subscriber. The producer thread only. */
    void publish(LongFunction<TorrentEvent> event) {
        assert onProducerThread.getAsBoolean() : "events are published on the selection thread";
        TorrentEvent e = event.apply(nextSequence++);
        for (EventQueue q : subscribers) {
            q.offer(e);
        }
    }
}
