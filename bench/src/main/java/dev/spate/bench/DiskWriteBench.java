package dev.spate.bench;

import dev.spate.disk.DiskConfig;
import dev.spate.disk.DiskError;
import dev.spate.disk.DiskListener;
import dev.spate.disk.DiskManager;
import dev.spate.disk.PieceHashes;
import dev.spate.disk.TorrentDisk;
import dev.spate.disk.WriteToken;
import dev.spate.disk.layout.StorageLayout;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Write and hash throughput of the disk layer, per 16 KiB block: take a write token, copy the block
 * into it (the peer's one copy), hand it to disk, and wait until every piece is verified. A 64 MiB
 * torrent per invocation on a temporary file (the page cache, not the device: nothing is fsynced
 * while measuring). Blocks come in order, or shuffled within each piece (so most are hashed by
 * reading them back). Default {@link DiskConfig}: 64 MiB budget, {@code max(2, cores)} threads.
 *
 * <p>{@code sha1Block} is one core's SHA-1 speed on the same blocks, for comparison.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main DiskWriteBench -prof gc
 * }</pre>
 * Scores are blocks per second (MB/s = score x 16384 / 10^6); {@code gc.alloc.rate.norm} is bytes
 * allocated per block by all threads, disk threads included.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
public class DiskWriteBench {

    static final int TORRENT_BYTES = 64 << 20;
    static final int BLOCKS = TORRENT_BYTES / StorageLayout.BLOCK_SIZE;

    public enum Order { IN_ORDER, SHUFFLED }

    @State(Scope.Benchmark)
    public static class Torrent {
        @Param({"262144", "1048576"})
        int pieceLength;

        @Param({"IN_ORDER", "SHUFFLED"})
        Order order;

        DiskManager disk;
        Path dir;
        StorageLayout layout;
        PieceHashes hashes;
        ByteBuf payload;
        int[] blockOrder; // within a piece
        TorrentDisk torrent;
        CountDownLatch verified;

        @Setup(Level.Trial)
        public void start() throws IOException {
            disk = DiskManager.start(DiskConfig.defaults());
            dir = Files.createTempDirectory("spate-bench");
            layout = StorageLayout.singleFile(TORRENT_BYTES, pieceLength);
            byte[] bytes = new byte[TORRENT_BYTES];
            new Random(1).nextBytes(bytes);
            payload = Unpooled.directBuffer(TORRENT_BYTES).writeBytes(bytes);
            hashes = PieceHashes.of(pieceHashes(bytes, pieceLength));
            int blocksPerPiece = pieceLength / StorageLayout.BLOCK_SIZE;
            blockOrder = new int[blocksPerPiece];
            for (int b = 0; b < blocksPerPiece; b++) {
                blockOrder[b] = b;
            }
            if (order == Order.SHUFFLED) {
                Random random = new Random(2);
                for (int i = blocksPerPiece - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = blockOrder[i];
                    blockOrder[i] = blockOrder[j];
                    blockOrder[j] = t;
                }
            }
        }

        /** A fresh registration each time: pieces already verified would ignore their blocks. */
        @Setup(Level.Invocation)
        public void register() {
            verified = new CountDownLatch(layout.pieceCount());
            CountDownLatch latch = verified;
            torrent = disk.register(layout, hashes, disk.fileStorage(dir, List.of(List.of("payload")), layout),
                    new DiskListener() {
                        @Override
                        public void pieceVerified(int piece) {
                            latch.countDown();
                        }

                        @Override
                        public void pieceFailed(int piece, int[] peerIds) {
                            throw new IllegalStateException("piece " + piece + " failed its hash");
                        }

                        @Override
                        public void diskError(DiskError error) {
                            throw new IllegalStateException(error.message());
                        }
                    });
        }

        @TearDown(Level.Invocation)
        public void unregister() {
            torrent.close().join(); // fsyncs the file, outside the measured time
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            disk.close();
            payload.release();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    @State(Scope.Thread)
    public static class Blocks {
        MessageDigest sha1;
        byte[] heapBlock;
        ByteBuffer directBlock;

        @Setup
        public void setUp() throws NoSuchAlgorithmException {
            sha1 = MessageDigest.getInstance("SHA-1");
            heapBlock = new byte[StorageLayout.BLOCK_SIZE];
            new Random(3).nextBytes(heapBlock);
            directBlock = ByteBuffer.allocateDirect(StorageLayout.BLOCK_SIZE).put(heapBlock).flip();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public void writeAndHash(Torrent t) throws InterruptedException {
        int pieces = t.layout.pieceCount();
        for (int piece = 0; piece < pieces; piece++) {
            for (int block : t.blockOrder) {
                int offset = block * StorageLayout.BLOCK_SIZE;
                WriteToken token;
                while ((token = t.disk.tryAcquireWriteToken(StorageLayout.BLOCK_SIZE)) == null) {
                    LockSupport.parkNanos(20_000); // budget spent: the disk is behind (selection would request less)
                }
                token.buffer().writeBytes(t.payload, piece * t.pieceLength + offset, StorageLayout.BLOCK_SIZE);
                t.torrent.write(piece, offset, token, 1);
            }
        }
        if (!t.verified.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pieces not verified in time");
        }
    }

    /** One core's SHA-1 of a 16 KiB block from a heap array (no copy). */
    @Benchmark
    public byte[] sha1HeapBlock(Blocks b) {
        b.sha1.update(b.heapBlock);
        return b.sha1.digest();
    }

    /** One core's SHA-1 of a 16 KiB block from a direct buffer (the disk's case: via a 4 KiB heap array). */
    @Benchmark
    public byte[] sha1DirectBlock(Blocks b) {
        b.sha1.update(b.directBlock.clear());
        return b.sha1.digest();
    }

    static byte[] pieceHashes(byte[] bytes, int pieceLength) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            int pieces = bytes.length / pieceLength;
            byte[] all = new byte[pieces * PieceHashes.SHA1_LENGTH];
            for (int p = 0; p < pieces; p++) {
                sha1.update(bytes, p * pieceLength, pieceLength);
                System.arraycopy(sha1.digest(), 0, all, p * PieceHashes.SHA1_LENGTH, PieceHashes.SHA1_LENGTH);
            }
            return all;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
