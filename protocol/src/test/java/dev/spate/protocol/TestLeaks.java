package dev.spate.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Netty's leak reports into test failures. {@link #install()} must run before the first
 * ByteBuf class loads ({@link LeakDetectionSession} does it when the test run opens); then
 * {@link NoLeaks} calls {@link #assertNoLeaks()} after every test, which collects garbage,
 * makes the detector look at what was collected, and fails on any report.
 *
 * <p>The same three classes live in the handshake module's tests: they belong in a shared
 * test-support module once one exists.
 */
public final class TestLeaks {
    private static final List<String> REPORTS = new ArrayList<>();
    private static volatile boolean installed;
    private static volatile boolean byteBufDetectorIsOurs;

    private TestLeaks() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                       long maxActive) {
                if (resource == ByteBuf.class) {
                    byteBufDetectorIsOurs = true;
                }
                return new Recording<>(resource, samplingInterval);
            }
        });
    }

    /** Fails if any ByteBuf that is now garbage was never released. */
    public static void assertNoLeaks() {
        if (!byteBufDetectorIsOurs) {
            UnpooledByteBufAllocator.DEFAULT.buffer(1).release(); // loads ByteBuf's detector if nobody has
            if (!byteBufDetectorIsOurs) {
                throw new AssertionError("the leak detector was installed after ByteBuf loaded: leaks would go unseen");
            }
        }
        for (int round = 0; round < 2; round++) {
            awaitCollection();
            // The detector polls its reference queue when it tracks a new buffer (always, when paranoid).
            UnpooledByteBufAllocator.DEFAULT.buffer(1).release();
        }
        List<String> leaks;
        synchronized (REPORTS) {
            leaks = List.copyOf(REPORTS);
            REPORTS.clear();
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " leaked buffer(s):\n" + String.join("\n", leaks));
        }
    }

    /** Runs a collection and waits until the reference handler has enqueued what it found. */
    private static void awaitCollection() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        try {
            Reference<?> enqueued = null;
            for (int i = 0; i < 10 && enqueued == null; i++) {
                System.gc();
                enqueued = queue.remove(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Reference.reachabilityFence(sentinel);
    }

    private static final class Recording<T> extends ResourceLeakDetector<T> {
        Recording(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            record("LEAK: " + resourceType + records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            record("LEAK: " + resourceType + " (untraced)");
        }

        private static void record(String report) {
            synchronized (REPORTS) {
                REPORTS.add(report);
            }
        }
    }
}
