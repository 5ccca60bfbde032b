package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.InfoHash;
import dev.spate.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events: numbered in order, delivered in order on the subscriber's executor, and only progress ever dropped. */
class EventBusTest {
    private static final InfoHash HASH = InfoHash.fromHex("697ef8b00953731999f166c530a534dc41e6de61");

    private final ExecutorService handOff = Executors.newSingleThreadExecutor(r -> new Thread(r, "handoff"));
    private final ExecutorService subscriberPool = Executors.newFixedThreadPool(3, r -> new Thread(r, "subscriber"));
    private final Thread producer = Thread.currentThread();
    private final EventBus bus = new EventBus(handOff, () -> Thread.currentThread() == producer);

    @AfterEach
    void stop() throws InterruptedException {
        handOff.shutdownNow();
        subscriberPool.shutdownNow();
        assertThat(handOff.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriberPool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void underAFloodOfProgressASlowSubscriberGetsEveryFinishedInOrder() throws Exception {
        Semaphore gate = new Semaphore(0);
        List<TorrentEvent> got = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        EventSubscription sub = bus.subscribe(subscriberPool, e -> {
            gate.acquireUninterruptibly(); // the subscriber is slow: it waits for the test
            gate.release();
            got.add(e);
            threads.add(Thread.currentThread().getName());
        });
        int finished = 0;
        for (int i = 0; i < 100_000; i++) {
            int piece = i;
            bus.publish(seq -> new TorrentEvent.PieceVerified(seq, HASH, "t", piece));
            if (i % 1000 == 999) {
                bus.publish(seq -> new TorrentEvent.Finished(seq, HASH, "t", piece));
                finished++;
            }
        }
        bus.publish(seq -> new TorrentEvent.Failed(seq, HASH, "t", "the last word"));
        gate.release();
        Await.until(Duration.ofSeconds(30), () -> "the last event, got " + got.size(),
                () -> !got.isEmpty() && got.get(got.size() - 1) instanceof TorrentEvent.Failed);

        List<Long> sequences = got.stream().map(TorrentEvent::sequence).toList();
        assertThat(sequences).as("in order").isSorted().doesNotHaveDuplicates();
        assertThat(got.stream().filter(e -> e instanceof TorrentEvent.Finished)).hasSize(finished);
        assertThat(sub.dropped()).as("progress dropped under load").isPositive();
        assertThat(got.size() + sub.dropped()).isEqualTo(100_000 + finished + 1);
        assertThat(threads).allMatch("subscriber"::equals);
        sub.close();
    }

    @Test
    void anExecutorThatRunsTasksInlineStillNeverRunsThemOnTheProducer() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        bus.subscribe(Runnable::run, e -> threads.add(Thread.currentThread().getName()));
        for (int i = 0; i < 10; i++) {
            int piece = i;
            bus.publish(seq -> new TorrentEvent.PieceVerified(seq, HASH, "t", piece));
        }
        Await.until(Duration.ofSeconds(10), "ten events", () -> threads.size() == 10);
        assertThat(threads).allMatch("handoff"::equals);
    }

    @Test
    void aClosedSubscriptionGetsNothingMoreAndOthersCarryOn() throws Exception {
        List<Long> first = new CopyOnWriteArrayList<>();
        List<Long> second = new CopyOnWriteArrayList<>();
        EventSubscription a = bus.subscribe(subscriberPool, e -> first.add(e.sequence()));
        bus.subscribe(subscriberPool, e -> second.add(e.sequence()));
        bus.publish(seq -> new TorrentEvent.Removed(seq, HASH, "t"));
        Await.until(Duration.ofSeconds(10), "both got the first", () -> first.size() == 1 && second.size() == 1);
        a.close();
        bus.publish(seq -> new TorrentEvent.Removed(seq, HASH, "t"));
        Await.until(Duration.ofSeconds(10), "the second got both", () -> second.size() == 2);
        assertThat(first).containsExactly(1L);
        assertThat(second).containsExactly(1L, 2L);
    }

    @Test
    void checkingProgressInOneBatchIsCoalescedToTheNewest() throws Exception {
        Semaphore gate = new Semaphore(0);
        List<TorrentEvent> got = new ArrayList<>();
        bus.subscribe(subscriberPool, e -> {
            gate.acquireUninterruptibly();
            gate.release();
            synchronized (got) {
                got.add(e);
            }
        });
        bus.publish(seq -> new TorrentEvent.Added(seq, HASH, "t", java.nio.file.Path.of("/tmp"),
                TorrentState.CHECKING));
        for (int i = 1; i <= 100; i++) {
            double f = i / 100.0;
            bus.publish(seq -> new TorrentEvent.CheckingProgress(seq, HASH, "t", f));
        }
        gate.release();
        Await.until(Duration.ofSeconds(10), "the last progress", () -> {
            synchronized (got) {
                return !got.isEmpty() && got.get(got.size() - 1) instanceof TorrentEvent.CheckingProgress p
                        && p.fraction() == 1.0;
            }
        });
        synchronized (got) {
            assertThat(got.size()).as("most progress coalesced").isLessThan(50);
        }
    }
}
