package dev.spate.protocol;

import io.netty.channel.FileRegion;
import io.netty.util.ReferenceCounted;

/**
 * An outgoing piece message whose data is a region of a file, sent with {@code sendfile} where
 * the transport allows: the data never passes through the Java heap. The decoder never
 * produces it. Like {@link WireMessage.Piece} it is reference-counted through its region; the
 * encoder hands the region to the channel, which releases it once written.
 */
public record FilePiece(int piece, int offset, FileRegion region) implements ReferenceCounted {
    public FilePiece {
        if (piece < 0 || offset < 0) {
            throw new IllegalArgumentException("piece and offset cannot be negative: " + piece + ", " + offset);
        }
        if (region.count() > Integer.MAX_VALUE - 9) {
            throw new IllegalArgumentException("a block of " + region.count() + " bytes does not fit a message");
        }
    }

    public int length() {
        return (int) region.count();
    }

    @Override
    public int refCnt() {
        return region.refCnt();
    }

    @Override
    public FilePiece retain() {
        region.retain();
        return this;
    }

    @Override
    public FilePiece retain(int increment) {
        region.retain(increment);
        return this;
    }

    @Override
    public FilePiece touch() {
        region.touch();
        return this;
    }

    @Override
    public FilePiece touch(Object hint) {
        region.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return region.release();
    }

    @Override
    public boolean release(int decrement) {
        return region.release(decrement);
    }
}
