package dev.spate.disk;

import dev.spate.disk.layout.StorageLayout;
import io.netty.util.internal.PlatformDependent;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One disk thread: a queue any thread may add to without blocking, and the tools its work needs
 * (reused buffers, digests, its share of the read cache), all confined to it.
 *
 * <p>The queue is unbounded, yet cannot grow without bound: block writes are limited by the write
 * budget (no token, no write), reads for upload by the read slots each peer reserves before asking,
 * and control work (check, flush, close) is a handful of tasks per torrent. So no producer ever
 * waits, and none needs to.
 */
final class DiskThread {

    private static final Logger LOG = LogManager.getLogger(DiskThread.class);
    /** Read-back and check reads go through this many bytes at a time. */
    static final int SCRATCH_BYTES = 4 * StorageLayout.BLOCK_SIZE;
    private static final int SPARE_PIECES = 64;

    final int index;
    /** Holds {@link WriteToken}s (block writes, the hot path, with no wrapper) and {@link DiskTask}s. */
    private final Queue<Object> queue = PlatformDependent.newMpscQueue();
    private final Thread thread;
    private volatile boolean sleeping;
    private volatile boolean stopRequested;
    private volatile boolean stopped;

    // Confined to this thread.
    final ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH_BYTES);
    final byte[] digest = new byte[PieceHashes.SHA1_LENGTH];
    final MessageDigest checkSha1 = PieceState.newSha1();
    final ReadCache cache;
    private final ArrayDeque<PieceState> sparePieces = new ArrayDeque<>();

    DiskThread(int index, long cacheBytes) {
        this.index = index;
        this.cache = cacheBytes > 0 ? new ReadCache(cacheBytes) : null;
        this.thread = new Thread(this::loop, "spate-disk-" + index);
    }

    void start() {
        thread.start();
    }

    boolean inThread() {
        return Thread.currentThread() == thread;
    }

    /** Adds work; never blocks. After {@link #stop}, the work is rejected on the caller's thread. */
    void execute(Object work) {
        queue.offer(work);
        if (stopped) {
            drainRejected();
        } else if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    PieceState takePieceState(int blocks) {
        assert inThread();
        PieceState s = sparePieces.poll();
        return (s != null ? s : new PieceState()).reset(blocks);
    }

    void recycle(PieceState s) {
        assert inThread();
        if (sparePieces.size() < SPARE_PIECES) {
            sparePieces.push(s);
        }
    }

    /** Lets queued work finish, then ends the thread, rejects whatever arrives later, and empties the cache. */
    void stop() throws InterruptedException {
        stopRequested = true;
        LockSupport.unpark(thread);
        thread.join();
        stopped = true;
        drainRejected();
        if (cache != null) {
            cache.clear(); // safe: the thread has ended, and join() made its writes visible
        }
    }

    private void loop() {
        for (;;) {
            Object work = queue.poll();
            if (work == null) {
                if (stopRequested) {
                    return;
                }
                sleeping = true;
                if (queue.isEmpty() && !stopRequested) {
                    LockSupport.park(this);
                }
                sleeping = false;
                continue;
            }
            try {
                if (work instanceof WriteToken token) {
                    BlockWriter.write(this, token);
                } else {
                    ((DiskTask) work).run(this);
                }
            } catch (RuntimeException | Error e) {
                LOG.error("disk thread {}: unexpected failure", index, e);
            }
        }
    }

    private void drainRejected() {
        synchronized (queue) { // after the thread ends, rejecting callers take turns as the queue's one consumer
            Object work;
            while ((work = queue.poll()) != null) {
                try {
                    if (work instanceof WriteToken token) {
                        token.releaseByDisk();
                    } else {
                        ((DiskTask) work).reject();
                    }
                } catch (RuntimeException e) {
                    LOG.error("disk thread {}: rejecting work after stop", index, e);
                }
            }
        }
    }
}
