package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Checks that a closed client left nothing running. */
final class NoLeftovers {
    private NoLeftovers() {
    }

    /** Waits (with a deadline) until no thread of a client is alive. */
    static void assertNoSpateThreads() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> alive = spateThreads();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
            alive = spateThreads();
        }
        assertThat(alive).as("threads left running after close").isEmpty();
    }

    private static List<String> spateThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("spate-") || n.startsWith("disk-"))
                .collect(Collectors.toList());
    }
}
