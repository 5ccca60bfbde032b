package dev.spate.discovery.tracker;

import dev.spate.discovery.Durations;
import dev.spate.discovery.Ticker;
import dev.spate.discovery.tracker.TrackerException.Kind;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Announces one torrent to its trackers (BEP 12): one tracker at a time, the first in trying order
 * ({@link TrackerTiers}) that is not waiting out a back-off. A failure backs that tracker off and
 * moves on to the next one at once, in its tier and then in the tiers below, so a dead tracker
 * never holds up the others; an answer moves the tracker to the front of its tier and sets the
 * next announce at its {@code interval}. Each tracker hears {@code started} first; {@code completed}
 * goes out once, when told; {@link #stop()} sends {@code stopped} to every tracker that heard
 * {@code started} and completes within a deadline whatever they do.
 *
 * <p>All state belongs to one event loop; the public methods may be called from any thread and
 * hand their work to it. Time comes from the injected {@link Ticker} and the loop's timers.
 */
public final class AnnounceScheduler {
    private static final Logger LOG = LogManager.getLogger(AnnounceScheduler.class);

    private final AnnounceTarget target;
    private final TrackerClient client;
    private final Supplier<TransferCounters> counters;
    private final PeerSink sink;
    private final EventLoop loop;
    private final Ticker ticker;
    private final AnnounceSchedulerConfig config;
    private final TrackerTiers tiers;

    private boolean running;
    private boolean stopped;
    private boolean completedPending;
    private Attempt inFlight;
    private ScheduledFuture<?> roundTimer;
    private long nextRoundNanos;
    private boolean answeredOnce;
    private long lastSuccessNanos;
    private Duration minInterval = Duration.ZERO;
    private volatile AnnounceStatus status;

    /** One announce on its way. */
    private static final class Attempt {
        final TrackerEntry tracker;
        final AnnounceEvent event;
        ScheduledFuture<?> timeout;

        Attempt(TrackerEntry tracker, AnnounceEvent event) {
            this.tracker = tracker;
            this.event = event;
        }
    }

    public AnnounceScheduler(AnnounceTarget target, TrackerClient client, Supplier<TransferCounters> counters,
            PeerSink sink, EventLoop loop, Ticker ticker, Random random, AnnounceSchedulerConfig config) {
        this.target = target;
        this.client = client;
        this.counters = counters;
        this.sink = sink;
        this.loop = loop;
        this.ticker = ticker;
        this.config = config;
        this.tiers = new TrackerTiers(target.tiers(), random);
        this.status = new AnnounceStatus(false, snapshot());
    }

    /** With the system ticker, a secure random shuffle and the default timings. */
    public static AnnounceScheduler create(AnnounceTarget target, TrackerClient client,
            Supplier<TransferCounters> counters, PeerSink sink, EventLoop loop) {
        return new AnnounceScheduler(target, client, counters, sink, loop, Ticker.system(), new SecureRandom(),
                AnnounceSchedulerConfig.defaults());
    }

    /** Starts announcing ({@code started} to the first tracker that answers). */
    public void start() {
        onLoop(() -> {
            if (running || stopped) {
                return;
            }
            running = true;
            round();
        });
    }

    /** The download finished: tell a tracker {@code completed} now, and once. */
    public void completed() {
        onLoop(() -> {
            completedPending = true;
            if (running && inFlight == null) {
                round();
            }
        });
    }

    /** Asks for peers sooner than the interval: announces as soon as the tracker's {@code min interval} allows. */
    public void reannounce() {
        onLoop(() -> {
            if (!running || inFlight != null) {
                return;
            }
            long earliest = answeredOnce ? lastSuccessNanos + minInterval.toNanos() : ticker.nanoTime();
            if (roundTimer == null || earliest - nextRoundNanos < 0) {
                scheduleRound(earliest);
            }
        });
    }

    /**
     * Stops announcing and sends {@code stopped} to every tracker that heard {@code started}. The
     * future completes when they all answered or failed, or at the stop deadline, whichever is first.
     */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!onLoop(() -> sendStopped(done))) {
            done.complete(null);
        }
        return done;
    }

    /** The trackers' state now; cheap, from any thread. */
    public AnnounceStatus status() {
        return status;
    }

    // ---- on the loop --------------------------------------------------------------------------

    /** Announces to the first tracker that may be tried, or waits for the first back-off to end. */
    private void round() {
        assert loop.inEventLoop();
        if (!running || inFlight != null) {
            return;
        }
        cancelRoundTimer();
        long now = ticker.nanoTime();
        TrackerEntry tracker = tiers.next(now);
        if (tracker == null) {
            long retry = tiers.firstRetryNanos(now);
            if (retry != Long.MAX_VALUE) {
                scheduleRound(retry);
            }
            publish();
            return;
        }
        announce(tracker);
    }

    private void announce(TrackerEntry tracker) {
        AnnounceEvent event = !tracker.started ? AnnounceEvent.STARTED
                : completedPending ? AnnounceEvent.COMPLETED : AnnounceEvent.NONE;
        Attempt attempt = new Attempt(tracker, event);
        inFlight = attempt;
        tracker.state = TrackerStatus.State.ANNOUNCING;
        attempt.timeout = loop.schedule(() -> finished(attempt, null, new TrackerException(tracker.url,
                Kind.TIMEOUT, "no answer within " + Durations.human(config.attemptTimeout()))),
                config.attemptTimeout().toNanos(), TimeUnit.NANOSECONDS);
        publish();
        send(tracker, event).whenComplete((r, e) -> onLoop(() -> finished(attempt, r, e)));
    }

    private CompletableFuture<AnnounceResponse> send(TrackerEntry tracker, AnnounceEvent event) {
        try {
            TransferCounters c = counters.get();
            AnnounceRequest request = new AnnounceRequest(target.infoHash(), target.peerId(), target.port(),
                    c.uploaded(), c.downloaded(), c.left(), event, config.numWant(), target.key(), tracker.trackerId);
            return client.announce(tracker.url, request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void finished(Attempt attempt, AnnounceResponse response, Throwable error) {
        assert loop.inEventLoop();
        if (inFlight != attempt) {
            return; // timed out earlier, or stopped: a late answer changes nothing
        }
        inFlight = null;
        attempt.timeout.cancel(false);
        long now = ticker.nanoTime();
        TrackerEntry tracker = attempt.tracker;
        if (error != null) {
            String message = describe(tracker, error);
            tracker.failed(message, now, config.backoff(tracker.failures + 1));
            LOG.debug("announce {} of {} failed: {}", attempt.event, target.infoHash(), message);
            round(); // the next tracker, at once
            return;
        }
        tracker.started = true;
        tracker.succeeded(response);
        if (attempt.event == AnnounceEvent.COMPLETED) {
            completedPending = false;
        }
        tiers.moveToFront(tracker);
        answeredOnce = true;
        lastSuccessNanos = now;
        minInterval = response.minInterval().orElse(config.defaultMinInterval());
        Duration interval = response.interval().compareTo(config.intervalFloor()) < 0 ? config.intervalFloor()
                : response.interval();
        scheduleRound(now + interval.toNanos());
        if (completedPending) {
            round(); // told of completion while this announce was on its way
        }
        deliver(tracker, response);
    }

    private void deliver(TrackerEntry tracker, AnnounceResponse response) {
        if (response.peers().isEmpty()) {
            return;
        }
        try {
            sink.peersFound(tracker.url, response.peers());
        } catch (RuntimeException e) {
            LOG.warn("the peer sink threw on peers from {}", tracker.url, e);
        }
    }

    private void sendStopped(CompletableFuture<Void> done) {
        assert loop.inEventLoop();
        boolean wasRunning = running;
        running = false;
        stopped = true;
        cancelRoundTimer();
        if (inFlight != null) {
            inFlight.timeout.cancel(false);
            inFlight.tracker.started |= inFlight.event == AnnounceEvent.STARTED;
            inFlight = null;
        }
        List<TrackerEntry> heard = new ArrayList<>();
        for (TrackerEntry e : tiers.all()) {
            if (e.started && wasRunning) {
                heard.add(e);
            }
            e.state = TrackerStatus.State.IDLE;
        }
        publish();
        if (heard.isEmpty()) {
            done.complete(null);
            return;
        }
        ScheduledFuture<?> deadline = loop.schedule(() -> done.complete(null), config.stopDeadline().toNanos(),
                TimeUnit.NANOSECONDS);
        int[] left = {heard.size()};
        for (TrackerEntry e : heard) {
            send(e, AnnounceEvent.STOPPED).whenComplete((r, err) -> onLoop(() -> {
                e.started = false;
                if (--left[0] == 0) {
                    deadline.cancel(false);
                    done.complete(null);
                }
            }));
        }
    }

    private void scheduleRound(long atNanos) {
        cancelRoundTimer();
        nextRoundNanos = atNanos;
        long delay = Math.max(0, atNanos - ticker.nanoTime());
        roundTimer = loop.schedule(this::round, delay, TimeUnit.NANOSECONDS);
        publish();
    }

    private void cancelRoundTimer() {
        if (roundTimer != null) {
            roundTimer.cancel(false);
            roundTimer = null;
        }
    }

    private void publish() {
        status = new AnnounceStatus(running, snapshot());
    }

    private List<TrackerStatus> snapshot() {
        long now = ticker.nanoTime();
        TrackerEntry next = running && inFlight == null && roundTimer != null ? tiers.next(nextRoundNanos) : null;
        List<TrackerStatus> out = new ArrayList<>();
        for (TrackerEntry e : tiers.all()) {
            Optional<Duration> in = Optional.empty();
            if (e == next) {
                in = Optional.of(Duration.ofNanos(Math.max(0, nextRoundNanos - now)));
            } else if (running && e.state == TrackerStatus.State.FAILING) {
                in = Optional.of(Duration.ofNanos(Math.max(0, e.retryAtNanos - now)));
            }
            out.add(e.status(in));
        }
        return out;
    }

    /** Runs {@code task} on the loop (at once if already there); false if the loop is shut down. */
    private boolean onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return true;
        }
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static String describe(TrackerEntry tracker, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return e instanceof TrackerException te ? te.getMessage() : tracker.url + ": " + e;
    }
}
