package dev.spate.disk;

import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.FileHandlePool;
import dev.spate.disk.storage.FileStorage;
import dev.spate.disk.storage.Storage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The disk layer of a client: its threads, the write-token budget, the shared pool of open files,
 * and the torrents registered with it. See docs/THREADS.md for who owns what.
 *
 * <pre>{@code
 * DiskManager disk = DiskManager.start(DiskConfig.defaults());
 * TorrentDisk t = disk.register(layout, hashes, disk.fileStorage(dir, paths, layout), listener);
 * WriteToken token = disk.tryAcquireWriteToken(length);   // null: budget spent, request nothing now
 * token.buffer().writeBytes(payload);                       // the peer's one copy
 * t.write(piece, offset, token, peerId);                    // disk owns the token now
 * }</pre>
 */
public final class DiskManager implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(DiskManager.class);

    private final DiskConfig config;
    private final DiskThread[] threads;
    private final WriteBudget budget;
    private final BlockBuffers blockBuffers;
    private final FileHandlePool fileHandles;
    private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private final Set<TorrentDisk> torrents = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextId = new AtomicInteger();
    private volatile boolean closed;

    private DiskManager(DiskConfig config) {
        this.config = config;
        this.budget = new WriteBudget(config.writeBudgetBytes());
        this.blockBuffers = new BlockBuffers(allocator, config.writeBudgetBytes());
        this.fileHandles = new FileHandlePool(config.openFileLimit());
        this.threads = new DiskThread[config.threads()];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new DiskThread(i, config.readCacheBytes() / threads.length);
        }
    }

    /** Starts the disk threads. */
    public static DiskManager start(DiskConfig config) {
        DiskManager manager = new DiskManager(config);
        for (DiskThread thread : manager.threads) {
            thread.start();
        }
        return manager;
    }

    public DiskConfig config() {
        return config;
    }

    /**
     * A token for one block of {@code length} bytes, or null if the write budget is spent (or the
     * manager closed). Any thread; lock-free, never blocks. See {@link WriteToken} for ownership.
     *
     * @throws IllegalArgumentException unless {@code 0 < length <= BLOCK_SIZE}
     */
    public WriteToken tryAcquireWriteToken(int length) {
        if (length <= 0 || length > StorageLayout.BLOCK_SIZE) {
            throw new IllegalArgumentException("block length " + length + " is not in [1, "
                    + StorageLayout.BLOCK_SIZE + "]");
        }
        if (closed || !budget.tryTake(length)) {
            return null;
        }
        ByteBuf buffer;
        try {
            buffer = blockBuffers.take(length);
        } catch (RuntimeException | Error e) {
            budget.give(length);
            throw e;
        }
        return new WriteToken(budget, blockBuffers, buffer, length);
    }

    /**
     * Runs {@code wakeUp} once, on whatever thread gives write budget back next (a disk thread, or a
     * thread releasing a token), or at once if some is free now. It must be quick and must not
     * block: post to your own thread.
     */
    public void whenWriteBudgetAvailable(Runnable wakeUp) {
        budget.whenAvailable(wakeUp);
    }

    /** Bytes of write budget not held by any token right now. */
    public long availableWriteBudget() {
        return budget.available();
    }

    /**
     * Registers a torrent. The storage belongs to the returned {@link TorrentDisk} from now on
     * (closed with it).
     *
     * @param hashes   the expected SHA-1 of every piece
     * @param listener told of verified and failed pieces and of disk errors, on disk threads
     */
    public TorrentDisk register(StorageLayout layout, PieceHashes hashes, Storage storage, DiskListener listener) {
        if (hashes.pieceCount() != layout.pieceCount()) {
            throw new IllegalArgumentException(hashes.pieceCount() + " piece hashes for " + layout.pieceCount()
                    + " pieces");
        }
        if (closed) {
            throw new IllegalStateException("the disk manager is closed");
        }
        TorrentDisk torrent = new TorrentDisk(this, nextId.getAndIncrement(), layout, hashes, storage, listener);
        torrents.add(torrent);
        return torrent;
    }

    /** A {@link FileStorage} under {@code downloadDir} that shares this manager's open-file limit. */
    public FileStorage fileStorage(Path downloadDir, List<List<String>> paths, StorageLayout layout) {
        return new FileStorage(downloadDir, paths, layout, fileHandles);
    }

    /** The pool of open files shared by {@link #fileStorage} storages. */
    public FileHandlePool fileHandles() {
        return fileHandles;
    }

    /**
     * Closes every registered torrent (their queued writes complete), then stops the threads, and
     * waits for both, so it must not be called on a disk thread (from a listener or callback).
     * Tokens still held by callers stay valid to release. Idempotent.
     */
    @Override
    public void close() {
        for (DiskThread thread : threads) {
            if (thread.inThread()) {
                throw new IllegalStateException("DiskManager.close() called on a disk thread: it waits for them");
            }
        }
        closed = true;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (TorrentDisk torrent : torrents) {
            closing.add(torrent.close());
        }
        boolean interrupted = false;
        for (CompletableFuture<Void> f : closing) {
            try {
                f.join();
            } catch (RuntimeException e) {
                LOG.warn("closing a torrent's storage failed", e);
            }
        }
        for (DiskThread thread : threads) {
            for (;;) {
                try {
                    thread.stop();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        blockBuffers.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- for the disk package ----

    DiskThread[] threads() {
        return threads;
    }

    DiskThread threadFor(int piece) {
        return threads[piece % threads.length];
    }

    ByteBufAllocator allocator() {
        return allocator;
    }

    void deregister(TorrentDisk torrent) {
        torrents.remove(torrent);
    }
}
