package dev.spate.disk;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Records what disk reports; tests wait on its state with a deadline (no sleeps). */
final class RecordingListener implements DiskListener {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final BitSet verified = new BitSet();
    private final List<Integer> verifiedOrder = new ArrayList<>();
    private final Map<Integer, List<int[]>> failed = new TreeMap<>();
    private final List<DiskError> errors = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();

    @Override
    public synchronized void pieceVerified(int piece) {
        verified.set(piece);
        verifiedOrder.add(piece);
        threads.add(Thread.currentThread().getName());
        notifyAll();
    }

    @Override
    public synchronized void pieceFailed(int piece, int[] peerIds) {
        failed.computeIfAbsent(piece, p -> new ArrayList<>()).add(peerIds);
        threads.add(Thread.currentThread().getName());
        notifyAll();
    }

    @Override
    public synchronized void diskError(DiskError error) {
        errors.add(error);
        threads.add(Thread.currentThread().getName());
        notifyAll();
    }

    synchronized BitSet verified() {
        return (BitSet) verified.clone();
    }

    synchronized List<Integer> verifiedOrder() {
        return List.copyOf(verifiedOrder);
    }

    synchronized List<int[]> failures(int piece) {
        return List.copyOf(failed.getOrDefault(piece, List.of()));
    }

    synchronized int failureCount() {
        return failed.values().stream().mapToInt(List::size).sum();
    }

    synchronized List<DiskError> errors() {
        return List.copyOf(errors);
    }

    synchronized List<String> callbackThreads() {
        return List.copyOf(threads);
    }

    synchronized void awaitVerified(int count) {
        await(l -> l.verified.cardinality() >= count, "verified " + count + " pieces");
    }

    synchronized void awaitFailures(int count) {
        await(l -> l.failureCount() >= count, count + " failed pieces");
    }

    synchronized void awaitErrors(int count) {
        await(l -> l.errors.size() >= count, count + " disk errors");
    }

    /** Waits until the condition holds, at most {@link #TIMEOUT}. */
    synchronized void await(Predicate<RecordingListener> condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("timed out waiting for " + what + "; verified " + verified + ", failed " + failed.keySet()
                        + ", errors " + errors);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }
}
