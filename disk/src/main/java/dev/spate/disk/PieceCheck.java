package dev.spate.disk;

import dev.spate.disk.layout.SpanCursor;
import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Hashes a torrent's existing data on every disk thread (each checks its own pieces, so piece
 * ownership holds), and sets each piece's verified state from what it finds. File sizes are read
 * once first: a piece that needs a missing or too short file is marked absent without reading.
 * A piece with a download in progress is left alone. A read error leaves the piece's state as it
 * was and is reported. Each step hashes at most one piece and then re-queues itself, so block
 * writes and reads keep flowing during a long check.
 */
final class PieceCheck {

    private static final Logger LOG = LogManager.getLogger(PieceCheck.class);
    private static final int ABSENT_PER_STEP = 256;

    final CompletableFuture<BitSet> result = new CompletableFuture<>();
    private final TorrentDisk torrent;
    private final ProgressListener progress;
    private final BitSet subset; // the pieces to check; null for all
    private final int pieceCount;
    private final int total;
    private final int reportEvery;
    private final AtomicLongArray good;
    private final AtomicInteger checked = new AtomicInteger();
    private final AtomicInteger threadsLeft;
    private long[] sizes; // written on the first thread before any step is queued; the queues publish it
    private int reported; // guarded by this

    PieceCheck(TorrentDisk torrent, BitSet subset, ProgressListener progress, int threads) {
        this.torrent = torrent;
        this.progress = progress;
        this.subset = subset;
        this.pieceCount = torrent.layout().pieceCount();
        this.total = subset == null ? pieceCount : subset.cardinality();
        this.reportEvery = Math.max(1, total / 1000);
        this.good = new AtomicLongArray((pieceCount + 63) >>> 6);
        this.threadsLeft = new AtomicInteger(threads);
    }

    void start(DiskThread[] threads) {
        threads[0].execute(new DiskTask() {
            @Override
            public void run(DiskThread thread) {
                sizes = measureFiles();
                for (DiskThread t : threads) {
                    t.execute(new Step(t.index, threads.length));
                }
            }

            @Override
            public void reject() {
                fail();
            }
        });
    }

    private long[] measureFiles() {
        Storage storage = torrent.storage();
        long[] result = new long[torrent.layout().fileCount()];
        for (int file = 0; file < result.length; file++) {
            try {
                result[file] = storage.size(file);
            } catch (IOException e) {
                result[file] = -1;
                torrent.notifyError(DiskError.of(DiskError.Operation.CHECK, -1, storage.describe(file), e));
            }
        }
        return result;
    }

    private final class Step implements DiskTask {
        private final int stride;
        private int next;

        Step(int first, int stride) {
            this.next = first;
            this.stride = stride;
        }

        @Override
        public void run(DiskThread thread) {
            TorrentShard shard = torrent.shard(thread);
            if (shard.closed || result.isDone()) {
                fail();
                return;
            }
            int absent = 0;
            while (next < pieceCount && absent < ABSENT_PER_STEP) {
                int piece = next;
                next += stride;
                if (subset != null && !subset.get(piece)) {
                    continue;
                }
                boolean hashed = checkPiece(thread, shard, piece);
                count();
                if (hashed) {
                    break;
                }
                absent++;
            }
            if (next < pieceCount) {
                thread.execute(this);
            } else if (threadsLeft.decrementAndGet() == 0) {
                if (total == 0) {
                    reportDone();
                }
                result.complete(bits());
            }
        }

        @Override
        public void reject() {
            fail();
        }
    }

    /** Checks one piece; true if its data was read. */
    private boolean checkPiece(DiskThread thread, TorrentShard shard, int piece) {
        if (shard.pieces.get(piece) != null) {
            return false; // a download of this piece is in progress: it decides
        }
        if (!present(shard.cursor, piece)) {
            torrent.setVerified(piece, false);
            return false;
        }
        StorageLayout layout = torrent.layout();
        MessageDigest sha1 = thread.checkSha1;
        ByteBuffer scratch = thread.scratch;
        sha1.reset();
        int size = layout.pieceSize(piece);
        try {
            for (int offset = 0; offset < size; offset += scratch.capacity()) {
                scratch.clear().limit(Math.min(scratch.capacity(), size - offset));
                SpanIo.read(torrent.storage(), shard.cursor, piece, offset, scratch);
                scratch.flip();
                sha1.update(scratch);
            }
            sha1.digest(thread.digest, 0, PieceHashes.SHA1_LENGTH);
        } catch (SpanIo.Failure e) {
            torrent.reportError(DiskError.Operation.CHECK, piece, e);
            return true;
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        boolean ok = torrent.hashes().matches(piece, thread.digest);
        torrent.setVerified(piece, ok);
        if (ok) {
            good.accumulateAndGet(piece >>> 6, 1L << piece, (a, b) -> a | b);
        }
        return true;
    }

    private boolean present(SpanCursor cursor, int piece) {
        cursor.reset(piece, 0, torrent.layout().pieceSize(piece));
        while (cursor.next()) {
            if (!cursor.isPadding() && sizes[cursor.file()] < cursor.fileOffset() + cursor.length()) {
                return false;
            }
        }
        return true;
    }

    private void count() {
        int c = checked.incrementAndGet();
        if (c == total || c % reportEvery == 0) {
            synchronized (this) {
                if (c > reported) {
                    reported = c;
                    try {
                        progress.progress(c, total);
                    } catch (RuntimeException e) {
                        LOG.error("check progress listener failed", e);
                    }
                }
            }
        }
    }

    private void reportDone() {
        try {
            progress.progress(0, 0);
        } catch (RuntimeException e) {
            LOG.error("check progress listener failed", e);
        }
    }

    private void fail() {
        result.completeExceptionally(new IllegalStateException("the torrent was closed during the check"));
    }

    private BitSet bits() {
        long[] words = new long[good.length()];
        for (int i = 0; i < words.length; i++) {
            words[i] = good.get(i);
        }
        return BitSet.valueOf(words);
    }
}
