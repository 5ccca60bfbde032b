package dev.spate.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs after every test of a module that registers it (JUnit extension auto-detection: a
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} file naming this class and
 * {@code junit.jupiter.extensions.autodetection.enabled=true}) and fails the test if anything
 * outlived it: a ByteBuf that leaked (Netty's paranoid leak detection, whose reports are collected
 * here instead of only logged), a live thread of spate's ({@code spate-*}), or an open file under
 * a JUnit temporary directory (read from /proc/self/fd where there is one).
 */
public final class ResourceChecks implements AfterEachCallback {
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static final Duration THREAD_GRACE = Duration.ofSeconds(10);

    static {
        // Must run before Netty creates its buffer leak detector: auto-detected extensions load
        // before any test class runs.
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new CollectingFactory());
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> threads = liveThreads();
        if (!threads.isEmpty()) {
            problems.add("threads still alive: " + threads);
        }
        List<String> files = openTempFiles();
        if (!files.isEmpty()) {
            problems.add("files still open: " + files);
        }
        List<String> leaks = collectLeaks();
        if (!leaks.isEmpty()) {
            problems.add("ByteBuf leaks:\n" + String.join("\n", leaks));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left resources behind: " + problems);
        }
    }

    /** Forces leak detection to run now, and returns (and forgets) what it found. */
    public static List<String> collectLeaks() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            System.runFinalization();
            // The detector looks for collected-but-unreleased buffers when a new one is tracked.
            for (int j = 0; j < 64; j++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.directBuffer(1);
                probe.release();
            }
        }
        List<String> found = new ArrayList<>(LEAKS);
        LEAKS.clear();
        return found;
    }

    /** spate's threads still alive after a grace period (threads stop asynchronously after close). */
    public static List<String> liveThreads() throws InterruptedException {
        long deadline = System.nanoTime() + THREAD_GRACE.toNanos();
        List<String> alive = spateThreads();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
            alive = spateThreads();
        }
        return alive;
    }

    private static List<String> spateThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("spate-"))
                .map(Thread::getName)
                .sorted()
                .toList();
    }

    /** Descriptors of this process that point into a JUnit temporary directory (Linux only). */
    public static List<String> openTempFiles() throws IOException {
        Path fds = Paths.get("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return List.of();
        }
        String tmp = Paths.get(System.getProperty("java.io.tmpdir")).toRealPath().toString();
        List<String> open = new ArrayList<>();
        try (Stream<Path> entries = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) entries::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(tmp) && target.contains("/junit")) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        }
        return open;
    }

    private static final class CollectingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new ResourceLeakDetector<T>(resource, samplingInterval) {
                @Override
                protected boolean needReport() {
                    return true;
                }

                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    LEAKS.add(resourceType + " leaked:" + records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    LEAKS.add(resourceType + " leaked (no records)");
                }
            };
        }
    }
}
