package dev.spate.protocol.peer;

/**
 * Where a peer gets the blocks it uploads: the torrent's storage, through the disk layer.
 * {@link #read} never blocks; the callback runs on a disk thread and must not block either.
 */
public interface BlockSource {

    void read(int piece, int offset, int length, ReadCallback callback);

    /** The result of a read, delivered on a disk thread. */
    interface ReadCallback {

        /**
         * The block's bytes: a {@code ByteBuf} or a {@code FileRegion} the receiver now owns and
         * must release (writing it to the channel does), or null with {@code error} set.
         */
        void done(Object block, Throwable error);
    }
}
