package dev.spate.disk;

import dev.spate.disk.layout.StorageLayout;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import java.util.Queue;

/**
 * The direct buffers of write tokens. Full 16 KiB blocks (nearly all of them) reuse buffers from
 * a free list: a token is taken on one thread (selection) and given back on another (a disk
 * thread), and handing such buffers back to Netty's pool each time costs its arena lock and
 * bookkeeping; a reused buffer also keeps its cached NIO view, so writing it allocates nothing.
 * Shorter blocks (the last of a torrent) come from the pooled allocator.
 *
 * <p>There are never more full-size buffers than the write budget holds blocks, so the free list
 * is bounded by the budget; it is emptied when the manager closes, and buffers given back after
 * that are released.
 */
final class BlockBuffers {

    private final ByteBufAllocator allocator;
    private final Queue<ByteBuf> free;
    private volatile boolean closed;

    BlockBuffers(ByteBufAllocator allocator, long budgetBytes) {
        this.allocator = allocator;
        this.free = PlatformDependent.newFixedMpmcQueue(
                (int) Math.max(2, Math.min(Integer.MAX_VALUE / 2, budgetBytes / StorageLayout.BLOCK_SIZE)));
    }

    /** An empty direct buffer of {@code length} bytes. */
    ByteBuf take(int length) {
        if (length == StorageLayout.BLOCK_SIZE) {
            ByteBuf reused = free.poll();
            if (reused != null) {
                return reused;
            }
        }
        return allocator.directBuffer(length, length);
    }

    /** Takes back a buffer from {@link #take}; the caller must not use it again. */
    void give(ByteBuf buffer) {
        if (buffer.capacity() == StorageLayout.BLOCK_SIZE && !closed) {
            buffer.clear();
            if (free.offer(buffer)) {
                if (closed) {
                    drain(); // raced with close: do not leave it behind
                }
                return;
            }
        }
        buffer.release();
    }

    void close() {
        closed = true;
        drain();
    }

    private void drain() {
        ByteBuf buffer;
        while ((buffer = free.poll()) != null) {
            buffer.release();
        }
    }
}
