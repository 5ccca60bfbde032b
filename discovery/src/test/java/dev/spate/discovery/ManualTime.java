package dev.spate.discovery;

import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Time moved by hand, for an {@link EmbeddedChannel}'s event loop and for code that reads a
 * {@link Ticker}: both advance together, and whatever falls due runs, in the test's thread.
 */
public final class ManualTime implements Ticker {
    private final EmbeddedChannel channel;
    private long nanos = 1_000_000_000_000L;

    public ManualTime(EmbeddedChannel channel) {
        this.channel = channel;
        channel.freezeTime();
    }

    public ManualTime() {
        this(new EmbeddedChannel());
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    public EventLoop loop() {
        return channel.eventLoop();
    }

    public EmbeddedChannel channel() {
        return channel;
    }

    /** Moves time on and runs every task and timer that is due by then, in order. */
    public void advance(Duration d) {
        long left = d.toNanos();
        while (true) {
            runDue();
            long next = channel.runScheduledPendingTasks();
            if (next < 0 || next > left) {
                break;
            }
            // Step to the next timer so that timers see the time they were due at.
            nanos += next;
            left -= next;
            channel.advanceTimeBy(next, TimeUnit.NANOSECONDS);
        }
        nanos += left;
        channel.advanceTimeBy(left, TimeUnit.NANOSECONDS);
        runDue();
    }

    /** Runs the tasks queued so far and the timers due now. */
    public void runDue() {
        // A pass runs the queued tasks (and those they queue) and then the due timers; timers may
        // queue more tasks, which the next pass runs. Chains in the code under test are short.
        for (int i = 0; i < 10; i++) {
            channel.runPendingTasks();
        }
        channel.checkException();
    }
}
