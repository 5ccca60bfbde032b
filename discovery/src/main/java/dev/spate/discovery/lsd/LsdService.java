package dev.spate.discovery.lsd;

import dev.spate.discovery.NettyTransport;
import dev.spate.discovery.Ticker;
import dev.spate.metainfo.InfoHash;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Local service discovery (BEP 14): announces our torrents on the multicast groups and hands on the
 * peers other clients announce for them.
 *
 * <pre>{@code
 * LsdService lsd = LsdService.start(LsdConfig.defaults(6881), group, Ticker.system(), (hash, peer) -> dial(peer));
 * lsd.add(infoHash);    // only for torrents that are not private
 * lsd.close();
 * }</pre>
 *
 * <p>Threads: the sockets, the schedule and the counters belong to one event loop of the caller's
 * group; the methods here may be called from any thread. {@link #start} and {@link #close} wait,
 * so they must not be called on an event loop.
 */
public final class LsdService implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LsdService.class);
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final EventLoop loop;
    private final List<Group> groups;
    private final AnnounceSchedule schedule;
    private final LsdHandler handler;
    private final LsdConfig config;
    private final String cookie;
    private final Ticker ticker;
    private ScheduledFuture<?> ticks;
    private long sent;

    /** One socket joined to one group, and the Host header of announces sent to it. */
    private record Group(DatagramChannel channel, InetSocketAddress address, String host) {
    }

    private LsdService(LsdConfig config, EventLoop loop, Ticker ticker, String cookie, AnnounceSchedule schedule,
            LsdHandler handler, List<Group> groups) {
        this.config = config;
        this.loop = loop;
        this.ticker = ticker;
        this.cookie = cookie;
        this.schedule = schedule;
        this.handler = handler;
        this.groups = groups;
    }

    /** Opens a socket per group on the configured interface and joins it. IPv6 is given up quietly if it fails. */
    public static LsdService start(LsdConfig config, EventLoopGroup group, Ticker ticker, LsdPeerSink sink)
            throws IOException {
        NetworkInterface nif = networkInterface(config.networkInterface());
        EventLoop loop = group.next();
        byte[] c = new byte[8];
        new SecureRandom().nextBytes(c);
        String cookie = HexFormat.of().formatHex(c);
        AnnounceSchedule schedule = new AnnounceSchedule(config.reannounce().toNanos(),
                config.minMessageGap().toNanos(), LsdCodec.HASHES_PER_MESSAGE);
        // The schedule is read by the handler on the loop only: both belong to it.
        LsdHandler handler = new LsdHandler(cookie, schedule::contains, sink, ticker, config.minSourceGap().toNanos());
        List<Group> groups = new ArrayList<>();
        groups.add(join(loop, config, config.ipv4Group(), nif, handler));
        if (config.ipv6Group().isPresent()) {
            try {
                groups.add(join(loop, config, config.ipv6Group().get(), nif, handler));
            } catch (IOException e) {
                LOG.debug("local discovery goes without IPv6: {}", e.getMessage());
            }
        }
        LsdService service = new LsdService(config, loop, ticker, cookie, schedule, handler, groups);
        loop.execute(service::startTimer);
        return service;
    }

    /** Starts announcing a torrent (at the next free slot) and handing on its peers. */
    public void add(InfoHash infoHash) {
        run(() -> schedule.add(infoHash));
    }

    public void remove(InfoHash infoHash) {
        run(() -> schedule.remove(infoHash));
    }

    /** The cookie our announces carry, so that we can tell them from others'. */
    public String cookie() {
        return cookie;
    }

    public CompletableFuture<LsdStats> stats() {
        CompletableFuture<LsdStats> out = new CompletableFuture<>();
        run(() -> out.complete(new LsdStats(schedule.size(), sent, handler.received, handler.ownEchoes,
                handler.dropped, handler.delivered)));
        return out;
    }

    @Override
    public void close() {
        if (loop.inEventLoop()) {
            throw new IllegalStateException("close() waits for the event loop: call it from another thread");
        }
        run(() -> {
            if (ticks != null) {
                ticks.cancel(false);
            }
        });
        for (Group g : groups) {
            g.channel.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    private void startTimer() {
        long tick = Math.max(MIN_TICK_NANOS, Math.min(config.minMessageGap().toNanos(), TimeUnit.SECONDS.toNanos(1)));
        ticks = loop.scheduleAtFixedRate(this::announceDue, 0, tick, TimeUnit.NANOSECONDS);
    }

    private void announceDue() {
        List<InfoHash> due = schedule.due(ticker.nanoTime());
        if (due.isEmpty()) {
            return;
        }
        LsdAnnounce announce = new LsdAnnounce(config.peerPort(), due, Optional.of(cookie));
        for (Group g : groups) {
            sent++;
            g.channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(LsdCodec.encode(g.host, announce)),
                    g.address)).addListener(f -> {
                        if (!f.isSuccess()) {
                            LOG.debug("local discovery announce to {} failed: {}", g.address, f.cause().toString());
                        }
                    });
        }
    }

    private void run(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // The loop is shut down, and the sockets with it.
        }
    }

    private static Group join(EventLoop loop, LsdConfig config, InetSocketAddress group, NetworkInterface nif,
            LsdHandler handler) throws IOException {
        boolean v4 = group.getAddress() instanceof Inet4Address;
        InternetProtocolFamily family = v4 ? InternetProtocolFamily.IPv4 : InternetProtocolFamily.IPv6;
        boolean epoll = NettyTransport.datagram(loop) == EpollDatagramChannel.class;
        ChannelFuture bound = new Bootstrap().group(loop)
                .channelFactory(() -> epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family))
                .option(ChannelOption.SO_REUSEADDR, true) // several clients on one host share the port
                .option(ChannelOption.IP_MULTICAST_IF, nif)
                .option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false) // hear others on this host
                .option(ChannelOption.IP_MULTICAST_TTL, config.ttl())
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(LsdCodec.MAX_DATAGRAM_BYTES + 1))
                .handler(handler)
                .bind(new InetSocketAddress(group.getPort())).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("cannot open a local discovery socket on port " + group.getPort() + ": "
                    + bound.cause(), bound.cause());
        }
        DatagramChannel channel = (DatagramChannel) bound.channel();
        ChannelFuture joined = channel.joinGroup(group, nif).awaitUninterruptibly();
        if (!joined.isSuccess()) {
            channel.close().awaitUninterruptibly();
            throw new IOException("cannot join " + group + " on " + nif.getName() + ": " + joined.cause(),
                    joined.cause());
        }
        return new Group(channel, group, LsdConfig.hostHeader(group));
    }

    private static NetworkInterface networkInterface(Optional<String> name) throws IOException {
        try {
            if (name.isPresent()) {
                NetworkInterface nif = NetworkInterface.getByName(name.get());
                if (nif == null) {
                    throw new IOException("no network interface named " + name.get());
                }
                return nif;
            }
            for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
                if (nif.isUp() && !nif.isLoopback() && nif.supportsMulticast()) {
                    return nif;
                }
            }
            throw new IOException("no network interface is up and supports multicast");
        } catch (SocketException e) {
            throw new IOException("cannot list network interfaces: " + e.getMessage(), e);
        }
    }
}
