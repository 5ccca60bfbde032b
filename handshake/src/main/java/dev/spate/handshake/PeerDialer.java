package dev.spate.handshake;

import dev.spate.handshake.mse.MseInitiator;
import dev.spate.metainfo.InfoHash;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Dials peers and runs the outbound handshake on each connection: with an encryption policy of
 * {@code prefer} or {@code require} an {@link MseInitiator} (pipeline name
 * {@value PeerListener#ENCRYPTION}) carries the handshake encrypted. A {@code prefer} dial whose
 * encrypted handshake fails ({@link HandshakeFailure#ENCRYPTION_FAILED}) is dialed again at once
 * with a plain handshake, on a fresh connection; the callback hears only how that ends. A global
 * limit bounds the
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
    private final RandomGenerator random = new SecureRandom();

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
     * Starts a connection to {@code address} for the torrent {@code infoHash}, with the
     * encryption policy of the handshake config. Any thread; never blocks.
     */
    public DialResult connect(InetSocketAddress address, InfoHash infoHash) {
        return connect(address, infoHash, config.encryption());
    }

    /** As {@link #connect(InetSocketAddress, InfoHash)}, with the torrent's own encryption policy. */
    public DialResult connect(InetSocketAddress address, InfoHash infoHash, EncryptionPolicy policy) {
        HandshakeCallback outcome = policy == EncryptionPolicy.PREFER
                ? new PlaintextFallback(address, infoHash) : new DialOutcome(address, callback);
        return dial(address, infoHash, policy, outcome);
    }

    /** Reports a dial's failure with the address dialed, whatever the socket knew of it. */
    private record DialOutcome(InetSocketAddress address, HandshakeCallback callback) implements HandshakeCallback {
        @Override
        public void established(Channel channel, HandshakeResult result) {
            callback.established(channel, result);
        }

        @Override
        public void failed(SocketAddress remoteAddress, HandshakeFailure reason) {
            callback.failed(address, reason);
        }
    }

    private DialResult dial(InetSocketAddress address, InfoHash infoHash, EncryptionPolicy policy,
                            HandshakeCallback outcome) {
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
                if (policy != EncryptionPolicy.DISABLE) {
                    ch.pipeline().addLast(PeerListener.ENCRYPTION, new MseInitiator(infoHash.wireId(), policy, random));
                }
                ch.pipeline().addLast(PeerListener.HANDSHAKE, HandshakeHandler.outbound(infoHash, config, outcome));
            }
        });
        // The listener runs before channelActive, so the slot is free before the handshake starts.
        b.connect(address).addListener((ChannelFuture f) -> {
            halfOpen.decrementAndGet();
            if (!f.isSuccess()) {
                boolean timedOut = f.cause() instanceof ConnectTimeoutException;
                LOG.debug("dialing {} failed: {}", address, f.cause().toString());
                outcome.failed(address, timedOut ? HandshakeFailure.CONNECT_TIMEOUT : HandshakeFailure.CONNECT_FAILED);
            }
        });
        return DialResult.STARTED;
    }

    /** Passes the outcome on, except a failed encrypted handshake: that one is dialed again in plaintext. */
    private final class PlaintextFallback implements HandshakeCallback {
        private final InetSocketAddress address;
        private final InfoHash infoHash;

        PlaintextFallback(InetSocketAddress address, InfoHash infoHash) {
            this.address = address;
            this.infoHash = infoHash;
        }

        @Override
        public void established(Channel channel, HandshakeResult result) {
            callback.established(channel, result);
        }

        @Override
        public void failed(SocketAddress remoteAddress, HandshakeFailure reason) {
            if (reason == HandshakeFailure.ENCRYPTION_FAILED) {
                LOG.debug("the encrypted handshake with {} failed; dialing again with a plain one", address);
                if (dial(address, infoHash, EncryptionPolicy.DISABLE, new DialOutcome(address, callback))
                        == DialResult.STARTED) {
                    return;
                }
            }
            callback.failed(address, reason);
        }
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
