package dev.spate.handshake;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.ByteArrayOutputStream;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A handshake callback for tests: records every call and, on success, installs a handler that
 * collects the bytes that follow the handshake (as the wire codec would receive them).
 */
public final class RecordingCallback implements HandshakeCallback {
    public final List<HandshakeResult> established = new ArrayList<>();
    public final List<HandshakeFailure> failures = new ArrayList<>();
    public final List<SocketAddress> failedAddresses = new ArrayList<>();
    public final ByteArrayOutputStream afterHandshake = new ByteArrayOutputStream();
    public final CompletableFuture<Object> outcome = new CompletableFuture<>();
    public final CompletableFuture<Channel> channel = new CompletableFuture<>();
    private int awaitedBytes = Integer.MAX_VALUE;
    private final CompletableFuture<byte[]> awaited = new CompletableFuture<>();

    @Override
    public synchronized void established(Channel channel, HandshakeResult result) {
        established.add(result);
        channel.pipeline().addLast("next", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf buf = (ByteBuf) msg;
                try {
                    synchronized (RecordingCallback.this) {
                        afterHandshake.writeBytes(ByteBufUtil.getBytes(buf));
                        checkAwaited();
                    }
                } finally {
                    buf.release();
                }
            }
        });
        this.channel.complete(channel);
        outcome.complete(result);
    }

    @Override
    public synchronized void failed(SocketAddress remoteAddress, HandshakeFailure reason) {
        failures.add(reason);
        failedAddresses.add(remoteAddress);
        outcome.complete(reason);
    }

    /** Completes once {@code n} bytes have followed the handshake. */
    public synchronized CompletableFuture<byte[]> awaitBytes(int n) {
        awaitedBytes = n;
        checkAwaited();
        return awaited;
    }

    private void checkAwaited() {
        if (afterHandshake.size() >= awaitedBytes) {
            awaited.complete(afterHandshake.toByteArray());
        }
    }

    public synchronized int calls() {
        return established.size() + failures.size();
    }

    public synchronized byte[] bytesAfterHandshake() {
        return afterHandshake.toByteArray();
    }
}
