package dev.spate.client;

import dev.spate.protocol.ExtensionHandshake;
import dev.spate.protocol.WireMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one client's peer connections looked like, recorded through
 * {@link ClientConfig#peerChannelHook()}: whether each had the RC4 cipher in its pipeline, how
 * blocks left for the socket (file regions or buffers), and what our extension handshake said.
 */
final class ObservedPeers {
    final Queue<Boolean> ciphered = new ConcurrentLinkedQueue<>();
    final Queue<Boolean> prefersEncryption = new ConcurrentLinkedQueue<>();
    final AtomicInteger fileRegions = new AtomicInteger();
    final AtomicInteger buffers = new AtomicInteger();

    /** The hook: runs on the peer's event loop once the wire protocol is installed. */
    void attach(Channel channel) {
        ciphered.add(channel.pipeline().get("cipher") != null);
        // At the head: what finally goes to the socket.
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof FileRegion) {
                    fileRegions.incrementAndGet();
                } else if (msg instanceof ByteBuf) {
                    buffers.incrementAndGet();
                }
                ctx.write(msg, promise);
            }
        });
        // Before the encoder: our messages, among them our extension handshake.
        channel.pipeline().addAfter("wire-encoder", "observer", new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof WireMessage.Extended e && e.extendedId() == 0) {
                    prefersEncryption.add(ExtensionHandshake.decode(e.payload()).prefersEncryption());
                }
                ctx.write(msg, promise);
            }
        });
    }
}
