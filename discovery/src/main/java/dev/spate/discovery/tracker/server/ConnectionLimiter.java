package dev.spate.discovery.tracker.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Caps the HTTP connections open at once: one over the cap is closed as soon as it opens. Shared by
 * every connection of one tracker, which all run on its event loop, so a plain counter will do.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private final int max;
    private int open;

    ConnectionLimiter(int max) {
        this.max = max;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        assert ctx.executor().inEventLoop();
        if (++open > max) {
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open--;
        ctx.fireChannelInactive();
    }
}
