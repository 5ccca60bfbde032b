package dev.spate.handshake.mse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

/**
 * RC4 both ways for the life of a connection whose MSE handshake selected it. Received bytes are
 * decrypted in place (the socket's buffer is ours); what is written is encrypted into a fresh
 * buffer, because a block we upload may be shared (the read cache holds it too). A
 * {@code FileRegion} cannot pass through: the client reads blocks into memory for encrypted
 * connections, and a region that arrives anyway fails its write with the reason.
 */
final class Rc4Codec extends ChannelDuplexHandler {
    private final Rc4 decrypt;
    private final Rc4 encrypt;

    Rc4Codec(Rc4 decrypt, Rc4 encrypt) {
        this.decrypt = decrypt;
        this.encrypt = encrypt;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            ctx.fireChannelRead(decryptedInPlace(ctx.alloc(), decrypt, buf, buf.readableBytes()));
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            ctx.write(encrypted(ctx.alloc(), encrypt, buf), promise);
        } else {
            String type = msg.getClass().getSimpleName();
            ReferenceCountUtil.release(msg);
            promise.setFailure(new IllegalStateException("an RC4 connection can only send bytes, not a " + type
                    + " (zero-copy file regions are for plaintext connections)"));
        }
    }

    /** {@code src}'s readable bytes encrypted into a new buffer; {@code src} is released. */
    static ByteBuf encrypted(ByteBufAllocator alloc, Rc4 rc4, ByteBuf src) {
        try {
            int n = src.readableBytes();
            ByteBuf out = alloc.directBuffer(n, n);
            rc4.crypt(src, src.readerIndex(), out, 0, n);
            out.writerIndex(n);
            return out;
        } finally {
            src.release();
        }
    }

    /**
     * The first {@code length} readable bytes of {@code buf} decrypted; in place unless the
     * buffer is read-only (then into a copy, and {@code buf} is released).
     */
    static ByteBuf decryptedInPlace(ByteBufAllocator alloc, Rc4 rc4, ByteBuf buf, int length) {
        if (!buf.isReadOnly()) {
            rc4.crypt(buf, buf.readerIndex(), buf, buf.readerIndex(), length);
            return buf;
        }
        try {
            ByteBuf copy = alloc.buffer(buf.readableBytes());
            copy.writeBytes(buf, buf.readerIndex(), buf.readableBytes());
            rc4.crypt(copy, 0, copy, 0, length);
            return copy;
        } finally {
            buf.release();
        }
    }
}
