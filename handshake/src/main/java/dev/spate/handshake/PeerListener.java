package dev.spate.handshake;

import dev.spate.handshake.mse.EncryptionDetector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One TCP port for every torrent. Each accepted connection gets an {@link EncryptionDetector}
 * (pipeline name {@value #ENCRYPTION}), which answers an encrypted (MSE) handshake and lets a plain
 * one through as the torrent's policy allows, then a {@link HandshakeHandler} in inbound mode
 * (pipeline name {@value #HANDSHAKE}), which matches it to a torrent by info hash.
 */
public final class PeerListener implements AutoCloseable {
    /** The pipeline name of the handshake handler, for callbacks that add handlers relative to it. */
    public static final String HANDSHAKE = "handshake";
    /** The pipeline name of the MSE handshake, before {@value #HANDSHAKE}. */
    public static final String ENCRYPTION = "encryption";

    private static final Logger LOG = LogManager.getLogger(PeerListener.class);

    private final Channel serverChannel;

    private PeerListener(Channel serverChannel) {
        this.serverChannel = serverChannel;
    }

    /**
     * Binds {@code address} (port 0: any free port) and starts accepting. Blocks until bound;
     * call it from an ordinary thread, never from an event loop.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public static PeerListener bind(Transport transport, InetSocketAddress address, InboundTorrents torrents,
                                    HandshakeConfig config, SocketSettings settings, HandshakeCallback callback) {
        Objects.requireNonNull(torrents, "torrents");
        Objects.requireNonNull(callback, "callback");
        RandomGenerator random = new SecureRandom();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.group())
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, 256)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(ENCRYPTION,
                                new EncryptionDetector(torrents, config.encryption(), random));
                        ch.pipeline().addLast(HANDSHAKE, HandshakeHandler.inbound(torrents, config, callback));
                    }
                });
        for (Map.Entry<ChannelOption<?>, Object> option : settings.channelOptions().entrySet()) {
            bootstrap.childOption(uncheckedOption(option.getKey()), option.getValue());
        }
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            throw new UncheckedIOException("cannot listen on " + address + ": " + cause.getMessage(),
                    cause instanceof IOException io ? io : new IOException(cause));
        }
        Channel channel = bound.channel();
        LOG.info("listening for peers on {} ({})", channel.localAddress(), transport);
        return new PeerListener(channel);
    }

    @SuppressWarnings("unchecked")
    static ChannelOption<Object> uncheckedOption(ChannelOption<?> option) {
        return (ChannelOption<Object>) option;
    }

    /** The bound address; its port is the one chosen when bound with port 0. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public int port() {
        return localAddress().getPort();
    }

    /** Stops accepting and waits until the port is released; accepted connections stay open. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
