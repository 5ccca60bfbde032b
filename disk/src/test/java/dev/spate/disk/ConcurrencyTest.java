package dev.spate.disk;

import static dev.spate.disk.layout.StorageLayout.BLOCK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.SlowStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A slow disk, a write budget of a few blocks, and many writer threads racing for tokens: every
 * piece still verifies, the content is right, the budget comes back whole, and readers served at
 * the same time get the right bytes.
 */
class ConcurrencyTest {

    static final StorageLayout LAYOUT = StorageLayout.of(new long[] {700_000, 1, 900_000, 555_555},
            4 * BLOCK_SIZE);
    static final int WRITERS = 6;
    static final long BUDGET = 8L * BLOCK_SIZE;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Fixture.Kind.class)
    void manyWritersOnASlowDiskWithATinyBudget(Fixture.Kind kind) throws Exception {
        DiskConfig config = Fixture.CONFIG.withWriteBudgetBytes(BUDGET).withReadCacheBytes(64 * 1024);
        try (Fixture f = Fixture.of(kind, LAYOUT, dir, config,
                s -> new SlowStorage(s, Duration.ZERO, Duration.ofNanos(200_000)))) {
            Queue<int[]> work = shuffledBlocksWithDuplicates(new Random(3));
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            AtomicInteger cancelled = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int peer = w;
                threads.add(new Thread(() -> writeUntilDone(f, work, peer, cancelled, failures), "writer-" + w));
            }
            threads.add(new Thread(() -> readWhileDownloading(f, failures), "reader"));
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(RecordingListener.TIMEOUT.toMillis());
                assertThat(t.isAlive()).as("%s finished", t.getName()).isFalse();
            }

            assertThat(failures).isEmpty();
            f.listener.awaitVerified(LAYOUT.pieceCount());
            f.torrent.flush().get();
            assertThat(f.listener.failureCount()).isZero();
            assertThat(f.listener.errors()).isEmpty();
            assertThat(cancelled.get()).isPositive();
            assertThat(f.disk.availableWriteBudget()).isEqualTo(BUDGET);
            if (kind == Fixture.Kind.FILES) {
                for (int file = 0; file < LAYOUT.fileCount(); file++) {
                    assertThat(Files.readAllBytes(Fixture.path(dir, file))).isEqualTo(f.content.file(file));
                }
            }
        }
    }

    /** Takes blocks off the shared queue; waits for a token by spinning (the budget is the backpressure). */
    private static void writeUntilDone(Fixture f, Queue<int[]> work, int peer, AtomicInteger cancelled,
            List<Throwable> failures) {
        try {
            Random random = new Random(peer);
            long deadline = System.nanoTime() + RecordingListener.TIMEOUT.toNanos();
            int[] block;
            while ((block = work.poll()) != null) {
                byte[] data = f.content.block(block[0], block[1]);
                WriteToken token;
                while ((token = f.disk.tryAcquireWriteToken(data.length)) == null) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("no write token before the deadline");
                    }
                    Thread.onSpinWait();
                }
                if (random.nextInt(10) == 0) { // a cancelled request gives its token back
                    token.release();
                    cancelled.incrementAndGet();
                    work.add(block);
                    continue;
                }
                token.buffer().writeBytes(data);
                f.torrent.write(block[0], block[1] * BLOCK_SIZE, token, peer);
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    private static void readWhileDownloading(Fixture f, List<Throwable> failures) {
        try {
            Random random = new Random(99);
            long deadline = System.nanoTime() + RecordingListener.TIMEOUT.toNanos();
            while (f.torrent.verifiedPieces().cardinality() < LAYOUT.pieceCount() && System.nanoTime() < deadline) {
                int piece = random.nextInt(LAYOUT.pieceCount());
                if (!f.torrent.isVerified(piece)) {
                    Thread.onSpinWait();
                    continue;
                }
                int block = random.nextInt(LAYOUT.blockCount(piece));
                byte[] got = Reads.bytes(Reads.read(f.torrent, piece, block * BLOCK_SIZE,
                        LAYOUT.blockLength(piece, block)));
                assertThat(got).isEqualTo(f.content.block(piece, block));
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    private static Queue<int[]> shuffledBlocksWithDuplicates(Random random) {
        List<int[]> blocks = WriteAndVerifyTest.allBlocks(LAYOUT);
        List<int[]> duplicates = new ArrayList<>();
        for (int i = 0; i < blocks.size() / 8; i++) {
            duplicates.add(blocks.get(random.nextInt(blocks.size())));
        }
        blocks.addAll(duplicates);
        Collections.shuffle(blocks, random);
        return new ConcurrentLinkedQueue<>(blocks);
    }
}
