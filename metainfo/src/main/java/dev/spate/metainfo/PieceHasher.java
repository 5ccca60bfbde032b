package dev.spate.metainfo;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hashes the pieces of a torrent being created, on several threads. Each task takes a run of
 * consecutive pieces and reads them with positional reads, so tasks share nothing but the
 * result arrays, where each writes only its own pieces. Progress is reported on the calling
 * thread as tasks finish.
 *
 * <p>v1: the SHA-1 of each piece over the byte stream (padding files read as zeros). v2: for
 * each piece, the merkle root of its 16 KiB blocks; for a file that fits in one piece that is
 * the file's pieces root, so such a file's tree is only as wide as its own blocks.
 */
final class PieceHasher {
    /** A file or a padding file (file == null) at its place in the torrent's byte stream. */
    record Segment(Path file, long offset, long length) {
        long end() {
            return offset + length;
        }
    }

    /** What {@link #hash} produces: 20 bytes per piece (v1) and 32 bytes per piece (v2), or null. */
    record Hashes(byte[] v1, byte[] v2) {
    }

    private static final int READ_SIZE = 1 << 20; // a multiple of the 16 KiB block

    private final List<Segment> segments;
    private final long[] segmentStarts;
    private final int pieceLength;
    private final long totalLength;
    private final int pieceCount;
    private final boolean v1;
    private final boolean v2;

    PieceHasher(List<Segment> segments, int pieceLength, boolean v1, boolean v2) {
        this.segments = List.copyOf(segments);
        this.segmentStarts = segments.stream().mapToLong(Segment::offset).toArray();
        this.pieceLength = pieceLength;
        Segment last = segments.get(segments.size() - 1);
        this.totalLength = last.end();
        long count = totalLength / pieceLength + (totalLength % pieceLength != 0 ? 1 : 0);
        this.pieceCount = (int) Math.min(count, Integer.MAX_VALUE); // the builder refuses more than Metainfo.MAX_PIECES
        this.v1 = v1;
        this.v2 = v2;
    }

    int pieceCount() {
        return pieceCount;
    }

    Hashes hash(int threads, TorrentBuilder.Progress progress) throws IOException, InterruptedException {
        byte[] v1Hashes = v1 ? new byte[pieceCount * 20] : null;
        byte[] v2Hashes = v2 ? new byte[pieceCount * Merkle.HASH_SIZE] : null;
        long dataTotal = segments.stream().filter(s -> s.file() != null).mapToLong(Segment::length).sum();
        // Enough tasks to balance the threads, few enough that each reads a fair run of pieces.
        int tasks = Math.max(1, Math.min(pieceCount, threads * 64));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "spate-piece-hasher");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Long> done = new ExecutorCompletionService<>(pool);
            List<Future<Long>> futures = new ArrayList<>(tasks);
            for (int t = 0; t < tasks; t++) {
                int from = (int) ((long) pieceCount * t / tasks);
                int to = (int) ((long) pieceCount * (t + 1) / tasks);
                futures.add(done.submit(() -> hashPieces(from, to, v1Hashes, v2Hashes)));
            }
            long hashed = 0;
            for (int t = 0; t < tasks; t++) {
                hashed += take(done);
                progress.hashed(hashed, dataTotal);
            }
            return new Hashes(v1Hashes, v2Hashes);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long take(CompletionService<Long> done) throws IOException, InterruptedException {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Hashes pieces [from, to); returns the file bytes read. */
    private long hashPieces(int from, int to, byte[] v1Hashes, byte[] v2Hashes) throws IOException {
        MessageDigest sha1 = v1 ? sha1() : null;
        MessageDigest sha256 = Merkle.sha256();
        byte[] buf = new byte[(int) Math.min(READ_SIZE, roundUpToBlock(pieceLength))];
        byte[] leaves = v2 ? new byte[(pieceLength / Merkle.BLOCK_SIZE) * Merkle.HASH_SIZE] : null;
        long fileBytes = 0;
        try (Reader reader = new Reader()) {
            for (int piece = from; piece < to; piece++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("hashing was interrupted");
                }
                long start = (long) piece * pieceLength;
                long end = Math.min(start + pieceLength, totalLength);
                // v2 pieces cover one file's data; the padding after it is not part of its tree.
                Segment file = v2 ? segmentAt(start) : null;
                long dataEnd = v2 ? Math.min(end, file.end()) : end;
                int blocks = 0;
                for (long pos = start; pos < end; ) {
                    int n = (int) Math.min(buf.length, end - pos);
                    fileBytes += reader.read(pos, buf, n);
                    if (v1) {
                        sha1.update(buf, 0, n);
                    }
                    for (int b = 0; v2 && b < n && pos + b < dataEnd; b += Merkle.BLOCK_SIZE) {
                        int len = (int) Math.min(Merkle.BLOCK_SIZE, dataEnd - (pos + b));
                        sha256.update(buf, b, len);
                        Merkle.digestInto(sha256, leaves, blocks++ * Merkle.HASH_SIZE);
                    }
                    pos += n;
                }
                if (v1) {
                    Merkle.digestInto20(sha1, v1Hashes, piece * 20);
                }
                if (v2) {
                    // A file within one piece has a tree as wide as its blocks, not as the piece.
                    long width = file.length() <= pieceLength ? Merkle.nextPowerOfTwo(blocks) : pieceLength / Merkle.BLOCK_SIZE;
                    byte[] root = Merkle.root(leaves, 0, blocks, width, 0);
                    System.arraycopy(root, 0, v2Hashes, piece * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
                }
            }
        }
        return fileBytes;
    }

    /** The segment holding byte {@code offset} (a file, for a v2 piece start). */
    private Segment segmentAt(long offset) {
        int i = Arrays.binarySearch(segmentStarts, offset);
        if (i < 0) {
            i = -i - 2;
        }
        // Empty files share their offset with the next file: skip to the one with data there.
        while (segments.get(i).length() == 0 || segments.get(i).end() <= offset) {
            i++;
        }
        return segments.get(i);
    }

    private static long roundUpToBlock(long n) {
        return (n + Merkle.BLOCK_SIZE - 1) / Merkle.BLOCK_SIZE * Merkle.BLOCK_SIZE;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /** Positional reads across segments; keeps the last file open. Padding reads as zeros. */
    private final class Reader implements AutoCloseable {
        private Path openFile;
        private FileChannel channel;

        /** Fills buf[0, n) with the stream from {@code pos}; returns how many bytes came from files. */
        long read(long pos, byte[] buf, int n) throws IOException {
            int i = Arrays.binarySearch(segmentStarts, pos);
            if (i < 0) {
                i = -i - 2;
            }
            long fromFiles = 0;
            int filled = 0;
            while (filled < n) {
                Segment s = segments.get(i);
                long at = pos + filled;
                if (at >= s.end()) {
                    i++;
                    continue;
                }
                int len = (int) Math.min(n - filled, s.end() - at);
                if (s.file() == null) {
                    Arrays.fill(buf, filled, filled + len, (byte) 0);
                } else {
                    readFile(s, at - s.offset(), buf, filled, len);
                    fromFiles += len;
                }
                filled += len;
                i++;
            }
            return fromFiles;
        }

        private void readFile(Segment s, long position, byte[] buf, int off, int len) throws IOException {
            if (!s.file().equals(openFile)) {
                close();
                channel = FileChannel.open(s.file(), StandardOpenOption.READ);
                openFile = s.file();
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
            while (bb.hasRemaining()) {
                if (channel.read(bb, position + bb.position() - off) < 0) {
                    throw new EOFException(s.file() + " became shorter than " + s.length() + " bytes while it was hashed");
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
                openFile = null;
            }
        }
    }
}
