package dev.spate.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C for long-running commands: the first one asks the command to stop cleanly (announce
 * {@code stopped}, flush the session); a second one exits at once with 130.
 */
final class Interrupts {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicInteger count = new AtomicInteger();

    private Interrupts() {
    }

    /** Takes over SIGINT and SIGTERM for the rest of the process. */
    static Interrupts install() {
        Interrupts interrupts = new Interrupts();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> interrupts.signal());
            } catch (IllegalArgumentException e) {
                // The platform has no such signal: the JVM's own handling stays.
            }
        }
        return interrupts;
    }

    /** For tests: an instance no signal reaches; {@link #signal()} plays the part. */
    static Interrupts manual() {
        return new Interrupts();
    }

    void signal() {
        if (count.getAndIncrement() == 0) {
            requested.countDown();
        } else {
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
        }
    }

    /** Waits up to the timeout; true if a stop was asked for. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return requested.await(timeout, unit);
    }

    boolean requested() {
        return requested.getCount() == 0;
    }
}
