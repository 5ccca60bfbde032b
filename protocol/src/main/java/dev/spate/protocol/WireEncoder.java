package dev.spate.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.PromiseNotifier;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link WireMessage}s and {@link FilePiece}s. Small messages written between two flushes
 * share one buffer: a burst of requests or haves is one allocation and one socket write. A
 * piece's 13-byte header joins that buffer and its data follows as it is (the receive slice, a
 * disk buffer or a file region), never copied. Each write's promise completes when its bytes
 * are written. Anything else is passed through, in order.
 *
 * <p>Messages written but not flushed wait here, as they would in Netty's outbound buffer; a
 * close or the handler's removal fails their promises.
 */
public final class WireEncoder extends ChannelOutboundHandlerAdapter {
    /** A batch this big is passed on (unflushed) so that no single buffer grows without bound. */
    private static final int BATCH_LIMIT = 64 * 1024;
    private static final int BATCH_INITIAL = 512;

    private ByteBuf batch;
    private final List<ChannelPromise> promises = new ArrayList<>();

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof WireMessage.Piece p) {
            WireFormat.writePieceHeader(p.piece(), p.offset(), p.length(), batch(ctx, WireFormat.PIECE_HEADER_LENGTH));
            passBatchOn(ctx);
            ctx.write(p.data(), promise);
        } else if (msg instanceof FilePiece f) {
            WireFormat.writePieceHeader(f.piece(), f.offset(), f.length(), batch(ctx, WireFormat.PIECE_HEADER_LENGTH));
            passBatchOn(ctx);
            ctx.write(f.region(), promise);
        } else if (msg instanceof WireMessage m) {
            WireFormat.write(m, batch(ctx, WireFormat.encodedLength(m)));
            if (!promise.isVoid()) {
                promises.add(promise);
            }
            if (batch.readableBytes() >= BATCH_LIMIT) {
                passBatchOn(ctx);
            }
        } else {
            passBatchOn(ctx);
            ctx.write(msg, promise);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        passBatchOn(ctx);
        ctx.flush();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        discardBatch();
        ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discardBatch();
    }

    private ByteBuf batch(ChannelHandlerContext ctx, int needed) {
        if (batch == null) {
            batch = ctx.alloc().directBuffer(Math.max(BATCH_INITIAL, needed));
        }
        return batch;
    }

    /** Writes the batch to the next handler, with one promise that completes all of its messages'. */
    private void passBatchOn(ChannelHandlerContext ctx) {
        if (batch == null) {
            return;
        }
        ByteBuf out = batch;
        batch = null;
        ChannelPromise promise;
        if (promises.isEmpty()) {
            promise = ctx.voidPromise();
        } else if (promises.size() == 1) {
            promise = promises.get(0);
        } else {
            promise = ctx.newPromise();
            promise.addListener(new PromiseNotifier<>(promises.toArray(new ChannelPromise[0])));
        }
        promises.clear();
        ctx.write(out, promise);
    }

    private void discardBatch() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
        if (!promises.isEmpty()) {
            ClosedChannelException closed = new ClosedChannelException();
            for (ChannelPromise p : promises) {
                p.tryFailure(closed);
            }
            promises.clear();
        }
    }
}
