package dev.spate.disk.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open files of every {@link FileStorage} that shares this pool, at most {@code limit} of them
 * (least recently used closed first). A handle still in use when evicted (by a read, a write or a
 * zero-copy send) stays open until its last user releases it, so the count of open channels may
 * briefly exceed the limit by the handles in use.
 *
 * <p>Finding an already open file is lock-free (see {@link FileStorage}); opening one takes this
 * pool's lock, so two threads never open the same file twice.
 */
public final class FileHandlePool {

    /** Opens the channel for a file; called under the pool's lock. */
    interface Opener {
        FileChannel open(int file, boolean write) throws IOException;
    }

    private final int limit;
    private final Set<FileHandle> inLru = new HashSet<>();
    private final AtomicInteger openChannels = new AtomicInteger();

    public FileHandlePool(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("open-file limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Channels open right now, including evicted ones still in use; 0 once every storage has closed. */
    public int openChannels() {
        return openChannels.get();
    }

    public int limit() {
        return limit;
    }

    /**
     * Returns a retained handle for the file, opening it if the owner's slot has none that fits
     * (a read may use a writable handle; a write replaces a read-only one).
     */
    FileHandle open(FileStorage owner, int file, boolean write, Opener opener) throws IOException {
        List<FileHandle> retired = new ArrayList<>(2);
        FileHandle result;
        synchronized (this) {
            FileHandle current = owner.slot(file);
            if (current != null && (current.writable || !write) && current.tryRetain()) {
                return current;
            }
            FileChannel channel = opener.open(file, write);
            openChannels.incrementAndGet();
            result = new FileHandle(this, owner, file, channel, write);
            result.tryRetain();
            if (current != null && inLru.remove(current)) {
                retired.add(current);
            }
            owner.setSlot(file, result);
            inLru.add(result);
            while (inLru.size() > limit) {
                FileHandle eldest = leastRecentlyUsed(result);
                inLru.remove(eldest);
                eldest.owner.clearSlot(eldest.file, eldest);
                retired.add(eldest);
            }
        }
        // Dropping the pool's reference may close a channel: do it outside the lock.
        for (FileHandle h : retired) {
            h.release();
        }
        return result;
    }

    /** Drops every handle of the owner from the LRU (each closes once no longer in use). */
    void retireAll(FileStorage owner) {
        List<FileHandle> retired = new ArrayList<>();
        synchronized (this) {
            for (FileHandle h : inLru) {
                if (h.owner == owner) {
                    retired.add(h);
                }
            }
            for (FileHandle h : retired) {
                inLru.remove(h);
                owner.clearSlot(h.file, h);
            }
        }
        for (FileHandle h : retired) {
            h.release();
        }
    }

    void channelClosed() {
        openChannels.decrementAndGet();
    }

    private FileHandle leastRecentlyUsed(FileHandle except) {
        FileHandle eldest = null;
        for (FileHandle h : inLru) {
            if (h != except && (eldest == null || h.lastUsed() - eldest.lastUsed() < 0)) {
                eldest = h;
            }
        }
        return eldest;
    }
}
