package dev.spate.discovery.lsd;

import dev.spate.discovery.Ticker;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads announces on the discovery sockets (IPv4 and IPv6 share it, and its event loop): drops
 * our own by cookie, at most one per {@code minSourceGap} from each address, and hands each peer
 * of a torrent we are in to the sink. The peer's address is the datagram's source (BEP 14).
 */
@ChannelHandler.Sharable
final class LsdHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LogManager.getLogger(LsdHandler.class);
    /** Addresses whose last announce time is remembered; beyond it the oldest is forgotten. */
    private static final int MAX_SOURCES = 1024;

    private final String cookie;
    private final Predicate<InfoHash> wanted;
    private final LsdPeerSink sink;
    private final Ticker ticker;
    private final long minSourceGapNanos;
    private final LinkedHashMap<InetAddress, Long> lastFrom = new LinkedHashMap<>();
    long received;
    long ownEchoes;
    long dropped;
    long delivered;

    LsdHandler(String cookie, Predicate<InfoHash> wanted, LsdPeerSink sink, Ticker ticker, long minSourceGapNanos) {
        this.cookie = cookie;
        this.wanted = wanted;
        this.sink = sink;
        this.ticker = ticker;
        this.minSourceGapNanos = minSourceGapNanos;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        assert ctx.executor().inEventLoop();
        InetSocketAddress from = packet.sender();
        ByteBuf in = packet.content();
        LsdAnnounce announce;
        try {
            if (in.readableBytes() > LsdCodec.MAX_DATAGRAM_BYTES) {
                throw new LsdException("a datagram of " + in.readableBytes() + " bytes or more is over the limit");
            }
            announce = LsdCodec.decode(ByteBufUtil.getBytes(in));
        } catch (LsdException e) {
            dropped++;
            LOG.debug("dropped a datagram from {}: {}", from, e.getMessage());
            return;
        }
        if (announce.cookie().filter(cookie::equals).isPresent()) {
            ownEchoes++;
            return;
        }
        if (from == null || !admit(from.getAddress())) {
            dropped++;
            return;
        }
        received++;
        InetSocketAddress peer = new InetSocketAddress(from.getAddress(), announce.port());
        for (InfoHash h : announce.infoHashes()) {
            if (wanted.test(h)) {
                delivered++;
                try {
                    sink.peerFound(h, peer);
                } catch (RuntimeException e) {
                    LOG.warn("the local discovery peer sink failed for {}: {}", h, e.toString(), e);
                }
            }
        }
    }

    /** True unless this address announced less than {@code minSourceGap} ago. */
    private boolean admit(InetAddress source) {
        long now = ticker.nanoTime();
        Long last = lastFrom.remove(source);
        if (last != null && now - last < minSourceGapNanos) {
            lastFrom.put(source, last);
            return false;
        }
        if (lastFrom.size() >= MAX_SOURCES) {
            Iterator<Long> eldest = lastFrom.values().iterator();
            eldest.next();
            eldest.remove();
        }
        lastFrom.put(source, now);
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("local discovery socket: {}", cause.toString());
    }
}
