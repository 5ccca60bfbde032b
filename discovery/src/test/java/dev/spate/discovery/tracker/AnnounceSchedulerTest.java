package dev.spate.discovery.tracker;

import static dev.spate.discovery.tracker.TestRequests.hash;
import static dev.spate.discovery.tracker.TestRequests.peerId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.ManualTime;
import dev.spate.discovery.tracker.FakeTrackerClient.Call;
import dev.spate.discovery.tracker.TrackerStatus.State;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** BEP 12 tier order, events, intervals, back-off and stop, with time moved by hand. */
class AnnounceSchedulerTest {
    static final URI A = URI.create("http://a.test/announce");
    static final URI B = URI.create("http://b.test/announce");
    static final URI C = URI.create("udp://c.test:1/announce");
    static final URI D = URI.create("http://d.test/announce");
    static final Duration HALF_HOUR = Duration.ofMinutes(30);
    static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.1", 6881);
    static final long SEED = 42;

    final ManualTime time = new ManualTime();
    final FakeTrackerClient client = new FakeTrackerClient();
    final List<String> delivered = new ArrayList<>();
    final AtomicLong left = new AtomicLong(1000);

    AnnounceScheduler scheduler(List<List<URI>> tiers) {
        AnnounceTarget target = new AnnounceTarget(hash(1), tiers, peerId('s'), 6881, 77);
        return new AnnounceScheduler(target, client, () -> new TransferCounters(5, 1000 - left.get(), left.get()),
                (tracker, peers) -> delivered.add(tracker + " " + peers), time.loop(), time, new Random(SEED),
                AnnounceSchedulerConfig.defaults());
    }

    /** The order BEP 12's shuffle gives a tier with the scheduler's seed. */
    static List<URI> shuffled(List<URI> tier) {
        List<URI> copy = new ArrayList<>(tier);
        Collections.shuffle(copy, new Random(SEED));
        return copy;
    }

    static List<URI> order(AnnounceScheduler s) {
        return s.status().trackers().stream().map(TrackerStatus::url).toList();
    }

    @Test
    void triesATierInShuffledOrderThenTheNextTierAndMovesTheOneThatAnswersToTheFront() {
        List<URI> tier0 = shuffled(List.of(A, B, C));
        assertThat(tier0).as("the seed shuffles").isNotEqualTo(List.of(A, B, C));
        AnnounceScheduler s = scheduler(List.of(List.of(A, B, C), List.of(D)));
        assertThat(order(s)).containsExactly(tier0.get(0), tier0.get(1), tier0.get(2), D);
        s.start();
        time.runDue();
        Call first = client.next();
        assertThat(first.tracker()).isEqualTo(tier0.get(0));
        assertThat(first.event()).isEqualTo(AnnounceEvent.STARTED);
        first.fail("down");
        Call second = client.next();
        assertThat(second.tracker()).as("the next of the tier, at once").isEqualTo(tier0.get(1));
        second.answer(HALF_HOUR, PEER);
        client.noMoreCalls();
        assertThat(order(s)).containsExactly(tier0.get(1), tier0.get(0), tier0.get(2), D);
        assertThat(delivered).containsExactly(tier0.get(1) + " [" + PEER + "]");

        time.advance(HALF_HOUR);
        Call third = client.next();
        assertThat(third.tracker()).as("the tracker that answered comes first now").isEqualTo(tier0.get(1));
        assertThat(third.event()).isEqualTo(AnnounceEvent.NONE);
    }

    @Test
    void whenAWholeTierFailsTheNextTierCarriesOnAndTheFirstIsTriedAgainNextTime() {
        AnnounceScheduler s = scheduler(List.of(List.of(A), List.of(B), List.of(C)));
        s.start();
        time.runDue();
        client.next().fail("a is down");
        client.next().fail("b is down");
        Call c = client.next();
        assertThat(c.tracker()).isEqualTo(C);
        c.answer(HALF_HOUR);
        assertThat(s.status().trackers()).extracting(TrackerStatus::state)
                .containsExactly(State.FAILING, State.FAILING, State.WORKING);
        assertThat(s.status().trackers().get(0).lastError()).contains("http://a.test/announce: tracker refused: a is down");

        time.advance(HALF_HOUR);
        Call again = client.next();
        assertThat(again.tracker()).as("BEP 12: each announce starts from the first tier").isEqualTo(A);
        assertThat(again.event()).as("A never heard started").isEqualTo(AnnounceEvent.STARTED);
    }

    @Test
    void honoursTheInterval() {
        AnnounceScheduler s = scheduler(List.of(List.of(A)));
        s.start();
        time.runDue();
        client.next().answer(Duration.ofSeconds(600));
        assertThat(s.status().trackers().get(0).nextAnnounceIn()).contains(Duration.ofSeconds(600));
        time.advance(Duration.ofSeconds(600).minusMillis(1));
        client.noMoreCalls();
        time.advance(Duration.ofMillis(1));
        assertThat(client.next().event()).isEqualTo(AnnounceEvent.NONE);
    }

    @Test
    void anAbsurdlyShortIntervalIsRaisedToTheFloor() {
        AnnounceScheduler s = scheduler(List.of(List.of(A)));
        s.start();
        time.runDue();
        client.next().answer(Duration.ofMillis(1));
        time.advance(Duration.ofMillis(999));
        client.noMoreCalls();
        time.advance(Duration.ofMillis(1));
        client.next();
    }

    @Test
    void sendsCompletedOnceWhenTold() {
        AnnounceScheduler s = scheduler(List.of(List.of(A)));
        s.start();
        time.runDue();
        client.next().answer(HALF_HOUR);
        time.advance(Duration.ofMinutes(5));
        left.set(0);
        s.completed();
        time.runDue();
        Call completed = client.next();
        assertThat(completed.event()).isEqualTo(AnnounceEvent.COMPLETED);
        assertThat(completed.request().left()).isZero();
        assertThat(completed.request().downloaded()).isEqualTo(1000);
        completed.answer(HALF_HOUR);
        time.advance(HALF_HOUR);
        assertThat(client.next().event()).isEqualTo(AnnounceEvent.NONE);
    }

    @Test
    void completedWhileAnAnnounceIsOnItsWayGoesOutWhenItReturns() {
        AnnounceScheduler s = scheduler(List.of(List.of(A)));
        s.start();
        time.runDue();
        Call started = client.next();
        s.completed();
        time.runDue();
        client.noMoreCalls();
        started.answer(HALF_HOUR);
        assertThat(client.next().event()).isEqualTo(AnnounceEvent.COMPLETED);
    }

    @Test
    void aFailingTrackerBacksOffDoublingEachTime() {
        AnnounceScheduler s = scheduler(List.of(List.of(A)));
        s.start();
        time.runDue();
        client.next().fail("no");
        for (int seconds : new int[] {15, 30, 60, 120}) {
            assertThat(s.status().trackers().get(0).nextAnnounceIn()).contains(Duration.ofSeconds(seconds));
            time.advance(Duration.ofSeconds(seconds).minusMillis(1));
            client.noMoreCalls();
            time.advance(Duration.ofMillis(1));
            Call retry = client.next();
            assertThat(retry.event()).isEqualTo(AnnounceEvent.STARTED);
            retry.fail("no");
        }
        assertThat(s.status().trackers().get(0).failures()).isEqualTo(5);
        time.advance(Duration.ofSeconds(240));
        client.next().answer(HALF_HOUR);
        assertThat(s.status().trackers().get(0).failures()).isZero();
        assertThat(s.status().trackers().get(0).lastError()).isEmpty();
    }

    @Test
    void aTrackerThatNeverAnswersDoesNotHoldUpTheNextTier() {
        AnnounceScheduler s = scheduler(List.of(List.of(A), List.of(B)));
        s.start();
        time.runDue();
        Call hanging = client.next();
        time.advance(Duration.ofSeconds(40).minusMillis(1));
        client.noMoreCalls();
        time.advance(Duration.ofMillis(1));
        Call b = client.next();
        assertThat(b.tracker()).isEqualTo(B);
        assertThat(s.status().trackers().get(0).lastError()).contains(
                "http://a.test/announce: no answer: no answer within 40 s");
        hanging.answer(HALF_HOUR, PEER);
        assertThat(delivered).as("a late answer is ignored").isEmpty();
        b.answer(HALF_HOUR, PEER);
        assertThat(delivered).containsExactly(B + " [" + PEER + "]");
    }

    @Test
    void echoesTheTrackerIdAndRecordsCountsAndWarnings() {
        AnnounceScheduler s = scheduler(List.of(List.of(A)));
        s.start();
        time.runDue();
        client.next().future().complete(new AnnounceResponse(HALF_HOUR, Optional.empty(), List.of(),
                OptionalInt.of(7), OptionalInt.of(3), Optional.of("slow down"), Optional.of("id-1"), Optional.empty()));
        TrackerStatus st = s.status().trackers().get(0);
        assertThat(st.seeders()).hasValue(7);
        assertThat(st.leechers()).hasValue(3);
        assertThat(st.lastWarning()).contains("slow down");
        time.advance(HALF_HOUR);
        assertThat(client.next().request().trackerId()).contains("id-1");
    }

    @Test
    void reannounceWaitsForTheMinInterval() {
        AnnounceScheduler s = scheduler(List.of(List.of(A)));
        s.start();
        time.runDue();
        client.next().future().complete(FakeTrackerClient.response(HALF_HOUR, Optional.of(Duration.ofSeconds(60))));
        time.advance(Duration.ofSeconds(10));
        s.reannounce();
        time.advance(Duration.ofSeconds(50).minusMillis(1));
        client.noMoreCalls();
        time.advance(Duration.ofMillis(1));
        assertThat(client.next().event()).isEqualTo(AnnounceEvent.NONE);
    }

    @Test
    void stopSendsStoppedToTrackersThatHeardStartedAndCompletesAtTheDeadline() {
        AnnounceScheduler s = scheduler(List.of(List.of(A), List.of(B)));
        s.start();
        time.runDue();
        client.next().fail("down"); // A never heard started
        client.next().answer(HALF_HOUR);
        CompletableFuture<Void> stopped = s.stop();
        time.runDue();
        Call stop = client.next();
        assertThat(stop.tracker()).isEqualTo(B);
        assertThat(stop.event()).isEqualTo(AnnounceEvent.STOPPED);
        client.noMoreCalls();
        time.advance(Duration.ofSeconds(5).minusMillis(1));
        assertThat(stopped).isNotDone();
        time.advance(Duration.ofMillis(1));
        assertThat(stopped).isCompleted();
        time.advance(Duration.ofHours(2));
        client.noMoreCalls();
        assertThat(s.status().running()).isFalse();
    }

    @Test
    void stopCompletesAsSoonAsEveryTrackerAnswered() {
        AnnounceScheduler s = scheduler(List.of(List.of(A)));
        s.start();
        time.runDue();
        Call started = client.next(); // still on its way when we stop: A may have heard it
        CompletableFuture<Void> stopped = s.stop();
        time.runDue();
        started.answer(HALF_HOUR);
        Call stop = client.next();
        assertThat(stop.event()).isEqualTo(AnnounceEvent.STOPPED);
        stop.fail("whatever");
        assertThat(stopped).isCompleted();
    }

    @Test
    void stopBeforeStartCompletesAtOnce() {
        AnnounceScheduler s = scheduler(List.of(List.of(A)));
        assertThat(s.stop()).isCompleted();
        s.start();
        time.runDue();
        client.noMoreCalls();
    }

    @Test
    void noTrackersNothingToDo() {
        AnnounceScheduler s = scheduler(List.of(List.of()));
        s.start();
        s.reannounce();
        time.advance(HALF_HOUR);
        client.noMoreCalls();
        assertThat(s.stop()).isCompleted();
    }

    @Test
    void callsFromOtherThreadsRunOnTheSchedulersLoop() throws Exception {
        io.netty.channel.DefaultEventLoop loop = new io.netty.channel.DefaultEventLoop();
        try {
            CompletableFuture<Thread> announcedOn = new CompletableFuture<>();
            TrackerClient recording = new TrackerClient() {
                @Override
                public CompletableFuture<AnnounceResponse> announce(URI tracker, AnnounceRequest request) {
                    announcedOn.complete(Thread.currentThread());
                    return new CompletableFuture<>();
                }

                @Override
                public CompletableFuture<ScrapeResponse> scrape(URI tracker, List<dev.spate.metainfo.InfoHash> h) {
                    return new CompletableFuture<>();
                }
            };
            AnnounceSchedulerConfig quickStop = new AnnounceSchedulerConfig(50, Duration.ofSeconds(15),
                    Duration.ofMinutes(30), Duration.ofSeconds(40), Duration.ofMillis(100), Duration.ZERO,
                    Duration.ofSeconds(1));
            AnnounceScheduler s = new AnnounceScheduler(new AnnounceTarget(hash(1), List.of(List.of(A)),
                    peerId('s'), 1, 1), recording, () -> new TransferCounters(0, 0, 0), (t, p) -> { }, loop,
                    dev.spate.discovery.Ticker.system(), new Random(1), quickStop);
            s.start();
            Thread thread = announcedOn.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(loop.submit(() -> Thread.currentThread()).get()).isSameAs(thread);
            // The tracker never answers the stopped announce: stop() completes at its deadline anyway.
            assertThat(s.stop().get(5, java.util.concurrent.TimeUnit.SECONDS)).isNull();
        } finally {
            loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
