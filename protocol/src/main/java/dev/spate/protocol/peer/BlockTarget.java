package dev.spate.protocol.peer;

import io.netty.buffer.ByteBuf;

/**
 * Where the bytes of one requested block go: memory for one block reserved by the layer above
 * before the request was sent (a disk write token). The peer owns it while the request is
 * outstanding and calls exactly one of the two methods, once, on its event loop.
 */
public interface BlockTarget {

    /**
     * The block has arrived: copy {@code data} (its readable bytes; the caller keeps ownership of
     * the buffer) and pass it on to be written.
     */
    void deliver(int piece, int offset, ByteBuf data, int peerId);

    /** The request was dropped (cancel, reject, choke, disconnect): give the memory back. */
    void release();
}
