package dev.spate.disk.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * An open file, shared by the threads that use it and counted so that it closes only when the last
 * user lets go. The pool holds one reference while the handle is in its LRU; every read, write and
 * zero-copy lease holds another. Eviction drops the pool's reference, so a file in use by a send
 * is closed only once the send releases it.
 */
final class FileHandle implements ChannelLease {

    private static final Logger LOG = LogManager.getLogger(FileHandle.class);

    final FileStorage owner;
    final int file;
    final boolean writable;
    private final FileChannel channel;
    private final FileHandlePool pool;
    private final AtomicInteger refs = new AtomicInteger(1);
    private volatile long lastUsed = System.nanoTime();

    FileHandle(FileHandlePool pool, FileStorage owner, int file, FileChannel channel, boolean writable) {
        this.pool = pool;
        this.owner = owner;
        this.file = file;
        this.channel = channel;
        this.writable = writable;
    }

    @Override
    public FileChannel channel() {
        return channel;
    }

    /** Takes a reference unless the handle has already closed. */
    boolean tryRetain() {
        for (;;) {
            int r = refs.get();
            if (r == 0) {
                return false;
            }
            if (refs.compareAndSet(r, r + 1)) {
                lastUsed = System.nanoTime();
                return true;
            }
        }
    }

    long lastUsed() {
        return lastUsed;
    }

    @Override
    public void release() {
        int r = refs.decrementAndGet();
        if (r == 0) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing {}: {}", owner.describe(file), e.toString());
            } finally {
                pool.channelClosed();
            }
        } else if (r < 0) {
            throw new IllegalStateException(owner.describe(file) + ": file handle released more often than retained");
        }
    }
}
