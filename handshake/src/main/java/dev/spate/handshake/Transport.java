package dev.spate.handshake;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The event loops every peer connection runs on, and the socket channel classes that go with
 * them: native epoll where it loads, else NIO. One per client; listeners and dialers share it.
 */
public final class Transport implements AutoCloseable {
    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> socketChannel;
    private final Class<? extends ServerSocketChannel> serverChannel;

    /** Wraps a group and channel classes that belong together (tests pass their own). */
    public Transport(EventLoopGroup group, Class<? extends SocketChannel> socketChannel,
                     Class<? extends ServerSocketChannel> serverChannel) {
        this.group = Objects.requireNonNull(group, "group");
        this.socketChannel = Objects.requireNonNull(socketChannel, "socketChannel");
        this.serverChannel = Objects.requireNonNull(serverChannel, "serverChannel");
    }

    /**
     * Starts {@code threads} event loops (0: Netty's default, twice the cores) named
     * {@code threadNamePrefix-N}. The threads are daemons, so a forgotten transport does not keep
     * the JVM alive; {@link #close()} still stops them properly.
     */
    public static Transport create(int threads, String threadNamePrefix) {
        DefaultThreadFactory factory = new DefaultThreadFactory(threadNamePrefix, true);
        if (Epoll.isAvailable()) {
            return new Transport(new EpollEventLoopGroup(threads, factory), EpollSocketChannel.class,
                    EpollServerSocketChannel.class);
        }
        return new Transport(new NioEventLoopGroup(threads, factory), NioSocketChannel.class,
                NioServerSocketChannel.class);
    }

    public EventLoopGroup group() {
        return group;
    }

    public Class<? extends SocketChannel> socketChannelClass() {
        return socketChannel;
    }

    public Class<? extends ServerSocketChannel> serverChannelClass() {
        return serverChannel;
    }

    /** True if this transport uses native epoll. */
    public boolean isNative() {
        return socketChannel == EpollSocketChannel.class;
    }

    /**
     * Shuts the event loops down and waits until they have stopped: channels still open are
     * closed. Must not be called on one of this transport's event loops.
     */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public String toString() {
        return "Transport[" + (isNative() ? "epoll" : socketChannel.getSimpleName()) + "]";
    }
}
