package dev.spate.disk;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The right to have one block in flight to disk, with the pooled direct buffer the block goes into.
 * Taken with {@link DiskManager#tryAcquireWriteToken} before the block is requested.
 *
 * <p>Ownership: a token is owned by exactly one thread at a time, handed on like a baton
 * (selection takes it, the peer's event loop fills it). The owner either passes it to
 * {@link TorrentDisk#write} (disk owns it from then on and gives the memory back after writing) or
 * calls {@link #release()} (cancel, reject, disconnect). Either ends the caller's ownership: the
 * buffer must not be touched afterwards. Doing both, or either twice, throws
 * {@link IllegalStateException}. Never release the buffer itself.
 */
public final class WriteToken {

    private static final int HELD = 0;
    private static final int WITH_DISK = 1;
    private static final int RELEASED = 2;
    private static final AtomicIntegerFieldUpdater<WriteToken> STATE =
            AtomicIntegerFieldUpdater.newUpdater(WriteToken.class, "state");

    private final WriteBudget budget;
    private final BlockBuffers buffers;
    final ByteBuf buffer;
    private final int length;
    private volatile int state;

    // Where the block goes: set by the caller in handOver, then published to the disk thread by its queue.
    TorrentDisk torrent;
    int piece;
    int offset;
    int peerId;

    WriteToken(WriteBudget budget, BlockBuffers buffers, ByteBuf buffer, int length) {
        this.budget = budget;
        this.buffers = buffers;
        this.buffer = buffer;
        this.length = length;
    }

    /**
     * The buffer to fill: empty, capacity {@link #length()}; write exactly that many bytes into it
     * (its readable bytes are what gets written).
     */
    public ByteBuf buffer() {
        if (state != HELD) {
            throw new IllegalStateException("write token no longer held: " + describeState());
        }
        return buffer;
    }

    /** The block length this token was taken for. */
    public int length() {
        return length;
    }

    /** Gives the token back unused. */
    public void release() {
        if (!STATE.compareAndSet(this, HELD, RELEASED)) {
            throw new IllegalStateException("write token released twice or after it was written: " + describeState());
        }
        free();
    }

    void handOver(TorrentDisk torrent, int piece, int offset, int peerId) {
        if (!STATE.compareAndSet(this, HELD, WITH_DISK)) {
            throw new IllegalStateException("write token written after it was released or written: "
                    + describeState());
        }
        this.torrent = torrent;
        this.piece = piece;
        this.offset = offset;
        this.peerId = peerId;
    }

    /** Disk is done with the token (written, ignored or failed). */
    void releaseByDisk() {
        if (!STATE.compareAndSet(this, WITH_DISK, RELEASED)) {
            throw new IllegalStateException("write token released by disk while " + describeState());
        }
        free();
    }

    private void free() {
        buffers.give(buffer);
        budget.give(length);
    }

    private String describeState() {
        int s = state;
        return s == HELD ? "held" : s == WITH_DISK ? "handed to disk" : "released";
    }
}
