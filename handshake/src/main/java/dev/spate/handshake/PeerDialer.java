package dev.spate.handshake;

import dev.spate.metainfo.InfoHash;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Dials peers and runs the outbound handshake on each connection. A global limit bounds the
 * half-open connections (dialed, TCP not yet connected): past it a dial is refused at once,
 * never queued. A started dial ends in exactly one {@link HandshakeCallback} call: a failed
 * connect as {@link HandshakeFailure#CONNECT_FAILED} or {@link HandshakeFailure#CONNECT_TIMEOUT},
 * after that whatever the handshake handler reports. Thread-safe.
 */
public final class PeerDialer {
    private static final Logger LOG = LogManager.getLogger(PeerDialer.class);

    private final Transport transport;
    private final Bootstrap bootstrap;
    private final HandshakeConfig config;
    private final HandshakeCallback callback;
    private final int maxHalfOpen;
    private final AtomicInteger halfOpen = new AtomicInteger();

    public PeerDialer(Transport transport, HandshakeConfig config, SocketSettings settings, int maxHalfOpen,
                      HandshakeCallback callback) {
        if (maxHalfOpen < 0) {
            throw new IllegalArgumentException("maxHalfOpen cannot be negative: " + maxHalfOpen);
        }
        this.transport = transport;
        this.config = Objects.requireNonNull(config, "config");
        this.callback = Objects.requireNonNull(callback, "callback");
        this.maxHalfOpen = maxHalfOpen;
        this.bootstrap = new Bootstrap()
                .group(transport.group())
                .channel(transport.socketChannelClass())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis());
        for (Map.Entry<ChannelOption<?>, Object> option : settings.channelOptions().entrySet()) {
            bootstrap.option(PeerListener.uncheckedOption(option.getKey()), option.getValue());
        }
    }

    /**
     * Starts a connection to {@code address} for the torrent {@code infoHash}. Any thread; never
     * blocks.
     */
    public DialResult connect(InetSocketAddress address, InfoHash infoHash) {
        // A dead event loop could not even report the failure: refuse rather than lose the dial.
        if (transport.group().isShuttingDown()) {
            return DialResult.REFUSED_SHUTTING_DOWN;
        }
        if (!tryAcquire()) {
            LOG.debug("not dialing {}: {} connections are already connecting", address, maxHalfOpen);
            return DialResult.REFUSED_HALF_OPEN_LIMIT;
        }
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(PeerListener.HANDSHAKE, HandshakeHandler.outbound(infoHash, config, callback));
            }
        });
        // The listener runs before channelActive, so the slot is free before the handshake starts.
        b.connect(address).addListener((ChannelFuture f) -> {
            halfOpen.decrementAndGet();
            if (!f.isSuccess()) {
                boolean timedOut = f.cause() instanceof ConnectTimeoutException;
                LOG.debug("dialing {} failed: {}", address, f.cause().toString());
                callback.failed(address, timedOut ? HandshakeFailure.CONNECT_TIMEOUT : HandshakeFailure.CONNECT_FAILED);
            }
        });
        return DialResult.STARTED;
    }

    private boolean tryAcquire() {
        while (true) {
            int n = halfOpen.get();
            if (n >= maxHalfOpen) {
                return false;
            }
            if (halfOpen.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** How many dials are connecting now. */
    public int halfOpen() {
        return halfOpen.get();
    }

    public int maxHalfOpen() {
        return maxHalfOpen;
    }
}
