package dev.spate.disk;

import io.netty.buffer.ByteBuf;
import io.netty.channel.FileRegion;

/** The answer to a read for upload. Whoever holds a result owns the reference it carries. */
public sealed interface ReadResult permits ReadResult.Data, ReadResult.Region, ReadResult.Failed {

    /** Gives back what the result holds (nothing for a failure); for a receiver that drops it. */
    void release();

    /** The block's bytes: the buffer's readable bytes. One reference, the receiver's to release. */
    record Data(ByteBuf buffer) implements ReadResult {
        @Override
        public void release() {
            buffer.release();
        }
    }

    /**
     * The block as a region of a file, for a zero-copy send on a plain connection. One reference,
     * released by the channel once written (or by {@link #release()}); it keeps the file open until then.
     */
    record Region(FileRegion region) implements ReadResult {
        @Override
        public void release() {
            region.release();
        }
    }

    /** The read failed or the torrent is closed. */
    record Failed(DiskError error) implements ReadResult {
        @Override
        public void release() {
        }
    }
}
