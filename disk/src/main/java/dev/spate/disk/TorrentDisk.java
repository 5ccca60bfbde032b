package dev.spate.disk;

import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.Storage;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One torrent's data on disk, from {@link DiskManager#register}. Every method may be called from
 * any thread and none blocks: work goes to the piece's disk thread ({@code piece % threads}), and
 * answers come back through the {@link DiskListener}, a {@link ReadCallback} or a future, all on
 * disk threads.
 */
public final class TorrentDisk {

    private static final Logger LOG = LogManager.getLogger(TorrentDisk.class);

    private final DiskManager manager;
    private final int id;
    private final StorageLayout layout;
    private final PieceHashes hashes;
    private final Storage storage;
    private final DiskListener listener;
    private final TorrentShard[] shards;
    /** Written only by each piece's disk thread; read by anyone. */
    private final AtomicLongArray verified;
    private volatile boolean closing;
    private volatile CompletableFuture<Void> closed;

    TorrentDisk(DiskManager manager, int id, StorageLayout layout, PieceHashes hashes, Storage storage,
            DiskListener listener) {
        this.manager = manager;
        this.id = id;
        this.layout = layout;
        this.hashes = hashes;
        this.storage = storage;
        this.listener = listener;
        this.shards = new TorrentShard[manager.threads().length];
        for (int i = 0; i < shards.length; i++) {
            shards[i] = new TorrentShard(layout.cursor());
        }
        this.verified = new AtomicLongArray((layout.pieceCount() + 63) >>> 6);
    }

    public StorageLayout layout() {
        return layout;
    }

    /**
     * Hands a filled block to disk. From this call on the token belongs to disk, whatever happens
     * (it is released after the block is written, or at once if the block is a duplicate, the piece
     * is already verified, or the torrent is closing).
     *
     * @param offset the block's offset in the piece: a multiple of {@link StorageLayout#BLOCK_SIZE}
     * @param filled a token whose buffer holds exactly the block ({@code blockLength(piece, block)} bytes)
     * @param peerId who sent it, reported back if the piece fails its hash
     * @throws IllegalArgumentException if the block is not one of the piece's blocks or the buffer
     *                                  does not hold exactly its bytes (the token is released)
     * @throws IllegalStateException    if the token was already released or written
     */
    public void write(int piece, int offset, WriteToken filled, int peerId) {
        filled.handOver(this, piece, offset, peerId);
        try {
            if (offset % StorageLayout.BLOCK_SIZE != 0) {
                throw new IllegalArgumentException("block offset " + offset + " in piece " + piece
                        + " is not a multiple of " + StorageLayout.BLOCK_SIZE);
            }
            layout.checkRange(piece, offset, filled.length());
            int expected = layout.blockLength(piece, offset / StorageLayout.BLOCK_SIZE);
            if (filled.length() != expected || filled.buffer.readableBytes() != expected) {
                throw new IllegalArgumentException("block at " + offset + " of piece " + piece + " has " + expected
                        + " bytes; the token holds " + filled.buffer.readableBytes() + " of " + filled.length());
            }
        } catch (IllegalArgumentException e) {
            filled.releaseByDisk();
            throw e;
        }
        if (closing) {
            filled.releaseByDisk();
            return;
        }
        manager.threadFor(piece).execute(filled);
    }

    /**
     * Reads a range of a piece for upload; the answer goes to {@code callback} on the piece's disk
     * thread (or on the caller's thread if the disk manager has already stopped). The caller bounds
     * how many reads it has outstanding (its reserved read slots), which is what bounds this queue.
     *
     * @throws IllegalArgumentException if the range is outside the piece or longer than a block
     */
    public void read(int piece, int offset, int length, ReadCallback callback) {
        read(piece, offset, length, true, callback);
    }

    /**
     * As {@link #read}, but the answer is always bytes in memory ({@link ReadResult.Data}), never a
     * zero-copy {@link ReadResult.Region}: for connections that transform what they send (an
     * encrypted connection runs every byte through its cipher).
     */
    public void readIntoMemory(int piece, int offset, int length, ReadCallback callback) {
        read(piece, offset, length, false, callback);
    }

    private void read(int piece, int offset, int length, boolean regionAllowed, ReadCallback callback) {
        layout.checkRange(piece, offset, length);
        if (length > StorageLayout.BLOCK_SIZE) {
            throw new IllegalArgumentException("read of " + length + " bytes: at most " + StorageLayout.BLOCK_SIZE);
        }
        manager.threadFor(piece).execute(new ReadRequest(this, piece, offset, length, regionAllowed, callback));
    }

    /**
     * Hashes the data already in storage, on all disk threads, and sets each piece's verified
     * state from it (pieces with a download in progress are skipped). Completes on a disk thread
     * with the pieces found good; exceptionally if the torrent closes meanwhile.
     */
    public CompletableFuture<BitSet> check(ProgressListener progress) {
        return check(null, progress);
    }

    /**
     * As {@link #check(ProgressListener)}, for the given pieces only (a resume that trusts the
     * others); the verified state of the pieces left out stays as it is. {@code null} checks all.
     */
    public CompletableFuture<BitSet> check(BitSet pieces, ProgressListener progress) {
        if (pieces != null && pieces.length() > layout.pieceCount()) {
            throw new IllegalArgumentException("piece " + (pieces.length() - 1) + " is out of range [0, "
                    + layout.pieceCount() + ")");
        }
        PieceCheck check = new PieceCheck(this, pieces == null ? null : (BitSet) pieces.clone(), progress,
                shards.length);
        if (closing) {
            return CompletableFuture.failedFuture(new IllegalStateException("the torrent is closed"));
        }
        check.start(manager.threads());
        return check.result;
    }

    /** Marks pieces as verified without hashing them (resume data); drops any progress they had. */
    public void markVerified(BitSet pieces) {
        BitSet copy = (BitSet) pieces.clone();
        if (copy.length() > layout.pieceCount()) {
            throw new IllegalArgumentException("piece " + (copy.length() - 1) + " is out of range [0, "
                    + layout.pieceCount() + ")");
        }
        for (DiskThread thread : manager.threads()) {
            thread.execute(new PieceTask(() -> {
                TorrentShard shard = shard(thread);
                for (int p = copy.nextSetBit(0); p >= 0; p = copy.nextSetBit(p + 1)) {
                    if (manager.threadFor(p) == thread) {
                        drop(thread, shard, p);
                        setVerified(p, true);
                    }
                }
            }));
        }
    }

    /** Storage work that must not race a piece's writes, reads and check. */
    @FunctionalInterface
    public interface PieceIo {
        void run() throws IOException;
    }

    /**
     * Runs {@code io} on the piece's disk thread, after the work already queued for that piece and
     * before any queued later (a part file moves a piece's bytes this way). An I/O error is reported
     * to the listener, as any other, and fails the future.
     */
    public CompletableFuture<Void> onPieceThread(int piece, PieceIo io) {
        layout.pieceSize(piece); // checks the index
        CompletableFuture<Void> done = new CompletableFuture<>();
        manager.threadFor(piece).execute(new DiskTask() {
            @Override
            public void run(DiskThread thread) {
                try {
                    io.run();
                    done.complete(null);
                } catch (IOException e) {
                    notifyError(DiskError.of(DiskError.Operation.WRITE, piece, null, e));
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void reject() {
                done.completeExceptionally(new IllegalStateException("the disk manager has stopped"));
            }
        });
        return done;
    }

    /** Forgets a piece's partial progress (selection gave it up); its blocks must be written again. */
    public void clearPiece(int piece) {
        layout.pieceSize(piece); // checks the index
        DiskThread thread = manager.threadFor(piece);
        thread.execute(new PieceTask(() -> drop(thread, shard(thread), piece)));
    }

    public boolean isVerified(int piece) {
        return (verified.get(piece >>> 6) & (1L << piece)) != 0;
    }

    /** A snapshot of the verified pieces. */
    public BitSet verifiedPieces() {
        long[] words = new long[verified.length()];
        for (int i = 0; i < words.length; i++) {
            words[i] = verified.get(i);
        }
        return BitSet.valueOf(words);
    }

    /** Completes once every write queued before this call is written and the storage flushed (fsync). */
    public CompletableFuture<Void> flush() {
        Barrier barrier = new Barrier(shards.length, thread -> { }, () -> {
            try {
                storage.flush();
            } catch (IOException e) {
                notifyError(DiskError.of(DiskError.Operation.FLUSH, -1, null, e));
                throw e;
            }
        });
        for (DiskThread thread : manager.threads()) {
            thread.execute(barrier);
        }
        return barrier.done;
    }

    /**
     * Closes the torrent: writes already queued complete, later ones are dropped (their tokens
     * released), partial pieces are forgotten, cached blocks dropped, and the storage flushed and
     * closed. Verified state stays readable. Idempotent.
     */
    public synchronized CompletableFuture<Void> close() {
        if (closed == null) {
            closing = true;
            Barrier barrier = new Barrier(shards.length, this::closeShard, () -> {
                try {
                    storage.close();
                } catch (IOException e) {
                    notifyError(DiskError.of(DiskError.Operation.CLOSE, -1, null, e));
                    throw e;
                } finally {
                    manager.deregister(this);
                }
            });
            closed = barrier.done;
            for (DiskThread thread : manager.threads()) {
                thread.execute(barrier);
            }
        }
        return closed;
    }

    private void closeShard(DiskThread thread) {
        TorrentShard shard = shard(thread);
        shard.closed = true;
        for (PieceState state : shard.pieces.values()) {
            thread.recycle(state);
        }
        shard.pieces.clear();
        if (thread.cache != null) {
            thread.cache.invalidateTorrent(id);
        }
    }

    private void drop(DiskThread thread, TorrentShard shard, int piece) {
        PieceState state = shard.pieces.get(piece);
        if (state != null) {
            BlockWriter.forget(thread, shard, piece, state);
        }
    }

    // ---- for the disk threads ----

    int id() {
        return id;
    }

    Storage storage() {
        return storage;
    }

    PieceHashes hashes() {
        return hashes;
    }

    ByteBufAllocator allocator() {
        return manager.allocator();
    }

    boolean zeroCopyReads() {
        return manager.config().zeroCopyReads();
    }

    TorrentShard shard(DiskThread thread) {
        assert thread.inThread();
        return shards[thread.index];
    }

    void setVerified(int piece, boolean value) {
        long bit = 1L << piece;
        if (value) {
            verified.accumulateAndGet(piece >>> 6, bit, (a, b) -> a | b);
        } else {
            verified.accumulateAndGet(piece >>> 6, ~bit, (a, b) -> a & b);
        }
    }

    DiskError error(DiskError.Operation operation, int piece, SpanIo.Failure failure) {
        return DiskError.of(operation, piece, storage.describe(failure.file), failure.io());
    }

    void reportError(DiskError.Operation operation, int piece, SpanIo.Failure failure) {
        notifyError(error(operation, piece, failure));
    }

    void notifyVerified(int piece) {
        try {
            listener.pieceVerified(piece);
        } catch (RuntimeException e) {
            LOG.error("disk listener failed on pieceVerified({})", piece, e);
        }
    }

    void notifyFailed(int piece, int[] peers) {
        try {
            listener.pieceFailed(piece, peers);
        } catch (RuntimeException e) {
            LOG.error("disk listener failed on pieceFailed({})", piece, e);
        }
    }

    void notifyError(DiskError error) {
        LOG.warn("{}", error.message());
        try {
            listener.diskError(error);
        } catch (RuntimeException e) {
            LOG.error("disk listener failed on diskError({})", error, e);
        }
    }

    void deliver(ReadCallback callback, int piece, int offset, int length, ReadResult result) {
        try {
            callback.onRead(piece, offset, length, result);
        } catch (RuntimeException e) {
            LOG.error("read callback failed for piece {} [{}, +{}); its result may leak", piece, offset, length, e);
        }
    }

    /** Control work on one piece's thread; nothing to answer if the manager has stopped. */
    private static final class PieceTask implements DiskTask {
        private final Runnable action;

        PieceTask(Runnable action) {
            this.action = action;
        }

        @Override
        public void run(DiskThread thread) {
            action.run();
        }

        @Override
        public void reject() {
        }
    }
}
