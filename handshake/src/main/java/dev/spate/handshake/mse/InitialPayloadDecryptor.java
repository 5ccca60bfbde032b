package dev.spate.handshake.mse;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * On an incoming connection whose MSE handshake selected plaintext: the initiator's initial
 * payload (IA, normally its BitTorrent handshake) is still RC4-encrypted. This decrypts those
 * {@code remaining} bytes as they arrive, passes everything on, and leaves the pipeline when the
 * payload is done; what follows it is plaintext.
 */
final class InitialPayloadDecryptor extends ChannelInboundHandlerAdapter {
    private final Rc4 decrypt;
    private int remaining;

    InitialPayloadDecryptor(Rc4 decrypt, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("an empty initial payload needs no decryptor");
        }
        this.decrypt = decrypt;
        this.remaining = length;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (remaining == 0 || !(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        int n = Math.min(remaining, buf.readableBytes());
        remaining -= n;
        ByteBuf out = Rc4Codec.decryptedInPlace(ctx.alloc(), decrypt, buf, n);
        if (remaining == 0) {
            ctx.pipeline().remove(this);
        }
        ctx.fireChannelRead(out);
    }
}
