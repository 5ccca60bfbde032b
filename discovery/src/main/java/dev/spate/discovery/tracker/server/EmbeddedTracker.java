package dev.spate.discovery.tracker.server;

import dev.spate.discovery.NettyTransport;
import dev.spate.discovery.Ticker;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * spate's own tracker: HTTP and UDP on one port number, swarms in memory. Both listeners and every
 * HTTP connection run on one event loop thread, which owns the swarms.
 *
 * <pre>{@code
 * try (EmbeddedTracker tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(0))) {
 *     URI announce = tracker.httpAnnounceUri(); // or tracker.udpAnnounceUri()
 * }
 * }</pre>
 */
public final class EmbeddedTracker implements AutoCloseable {
    private static final int BIND_ATTEMPTS = 20;

    private final EventLoopGroup ownGroup;
    private final EventLoop loop;
    private final TrackerCore core;
    private final Channel http;
    private final Channel udp;
    private final ChannelGroup connections;
    private final ScheduledFuture<?> sweeper;

    private EmbeddedTracker(EventLoopGroup ownGroup, EventLoop loop, TrackerCore core, Channel http, Channel udp,
            ChannelGroup connections) {
        this.ownGroup = ownGroup;
        this.loop = loop;
        this.core = core;
        this.http = http;
        this.udp = udp;
        this.connections = connections;
        long every = core.config.interval().toNanos();
        this.sweeper = loop.scheduleAtFixedRate(() -> core.swarms.expire(core.ticker.nanoTime()), every, every,
                TimeUnit.NANOSECONDS);
    }

    /** Starts a tracker on an event loop thread of its own (epoll where available), stopped by {@link #close()}. */
    public static EmbeddedTracker start(TrackerConfig config) throws IOException {
        ThreadFactory threads = new DefaultThreadFactory("spate-tracker", true);
        EventLoopGroup group = Epoll.isAvailable() ? new EpollEventLoopGroup(1, threads)
                : new NioEventLoopGroup(1, threads);
        try {
            return start(config, group, group, Ticker.system());
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Starts a tracker on one event loop of the caller's group, which the caller shuts down. */
    public static EmbeddedTracker start(TrackerConfig config, EventLoopGroup group, Ticker ticker) throws IOException {
        return start(config, null, group, ticker);
    }

    private static EmbeddedTracker start(TrackerConfig config, EventLoopGroup ownGroup, EventLoopGroup group,
            Ticker ticker) throws IOException {
        EventLoop loop = group.next();
        TrackerCore core = new TrackerCore(config, ticker);
        HttpTrackerServerHandler httpHandler = new HttpTrackerServerHandler(core);
        ConnectionLimiter limiter = new ConnectionLimiter(config.maxHttpConnections());
        ChannelGroup connections = new DefaultChannelGroup("spate-tracker-http", loop);
        ServerBootstrap httpBootstrap = new ServerBootstrap().group(loop, loop)
                .channel(NettyTransport.serverSocket(group))
                .option(ChannelOption.SO_BACKLOG, 256)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(limiter, new ReadTimeoutHandler(30),
                                new HttpServerCodec(8192, 8192, 8192), new HttpObjectAggregator(16 * 1024),
                                httpHandler);
                    }
                });
        // Large socket buffers ride out bursts: loopback packets count ~1 KiB each against them.
        Bootstrap udpBootstrap = new Bootstrap().group(loop).channel(NettyTransport.datagram(group))
                .option(ChannelOption.SO_RCVBUF, 4 << 20).option(ChannelOption.SO_SNDBUF, 4 << 20)
                .handler(new UdpTrackerServerHandler(core));
        IOException last = null;
        for (int attempt = 0; attempt < (config.port() == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            Channel http = bind(httpBootstrap.bind(config.bindAddress(), config.port()));
            int port = ((InetSocketAddress) http.localAddress()).getPort();
            try {
                Channel udp = bind(udpBootstrap.bind(config.bindAddress(), port));
                return new EmbeddedTracker(ownGroup, loop, core, http, udp, connections);
            } catch (IOException e) {
                // The TCP port was free but not the UDP one; with port 0, try another.
                last = e;
                http.close().syncUninterruptibly();
            }
        }
        throw last;
    }

    private static Channel bind(io.netty.channel.ChannelFuture future) throws IOException {
        future.awaitUninterruptibly();
        if (!future.isSuccess()) {
            Throwable cause = future.cause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
        return future.channel();
    }

    /** The port both HTTP and UDP listen on. */
    public int port() {
        return ((InetSocketAddress) http.localAddress()).getPort();
    }

    public URI httpAnnounceUri() {
        return URI.create("http://" + host() + ":" + port() + "/announce");
    }

    public URI udpAnnounceUri() {
        return URI.create("udp://" + host() + ":" + port() + "/announce");
    }

    private String host() {
        InetAddress bound = ((InetSocketAddress) http.localAddress()).getAddress();
        InetAddress a = bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
        return a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    }

    /** A snapshot of swarms, peers and counters, taken on the tracker's thread; call from another thread. */
    public TrackerStats stats() {
        if (loop.inEventLoop()) {
            return core.stats();
        }
        try {
            return loop.submit(core::stats).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading tracker stats", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read tracker stats", e);
        }
    }

    /** Closes both listeners and every connection; shuts down the event loop if the tracker made it. */
    @Override
    public void close() {
        sweeper.cancel(false);
        udp.close().syncUninterruptibly();
        http.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        if (ownGroup != null) {
            ownGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
