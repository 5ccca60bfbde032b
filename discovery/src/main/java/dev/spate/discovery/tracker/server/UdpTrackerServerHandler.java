package dev.spate.discovery.tracker.server;

import static dev.spate.discovery.tracker.wire.UdpTrackerWire.ACTION_ANNOUNCE;
import static dev.spate.discovery.tracker.wire.UdpTrackerWire.ACTION_CONNECT;
import static dev.spate.discovery.tracker.wire.UdpTrackerWire.ACTION_SCRAPE;
import static dev.spate.discovery.tracker.wire.UdpTrackerWire.ANNOUNCE_REQUEST_LENGTH;
import static dev.spate.discovery.tracker.wire.UdpTrackerWire.CONNECT_REQUEST_LENGTH;
import static dev.spate.discovery.tracker.wire.UdpTrackerWire.MAX_SCRAPE_HASHES;
import static dev.spate.discovery.tracker.wire.UdpTrackerWire.SCRAPE_REQUEST_HEADER_LENGTH;

import dev.spate.discovery.tracker.ScrapeStats;
import dev.spate.discovery.tracker.wire.CompactPeers;
import dev.spate.discovery.tracker.wire.UdpTrackerWire;
import dev.spate.discovery.tracker.wire.UdpTrackerWire.AnnounceFields;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The UDP tracker (BEP 15). A packet too short, with an unknown action or a connect without the
 * magic is dropped unanswered; a request with a connection id we did not issue (or issued too long
 * ago) gets an error packet, as does a malformed announce. IPv4 senders get 6-byte peers, IPv6
 * senders 18-byte ones. Replies are flushed once per read batch.
 */
final class UdpTrackerServerHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LogManager.getLogger(UdpTrackerServerHandler.class);

    private final TrackerCore core;

    UdpTrackerServerHandler(TrackerCore core) {
        this.core = core;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf in = packet.content();
        InetSocketAddress sender = packet.sender();
        if (in.readableBytes() < CONNECT_REQUEST_LENGTH || sender == null) {
            drop(sender, "shorter than 16 bytes");
            return;
        }
        int base = in.readerIndex();
        long connectionId = in.getLong(base);
        int action = in.getInt(base + 8);
        int transactionId = in.getInt(base + 12);
        if (action == ACTION_CONNECT) {
            if (connectionId != UdpTrackerWire.PROTOCOL_ID) {
                drop(sender, "a connect without the protocol magic");
                return;
            }
            ByteBuf out = ctx.alloc().buffer(UdpTrackerWire.CONNECT_REPLY_LENGTH);
            UdpTrackerWire.writeConnectReply(out, transactionId, core.connectionIds.issue(sender));
            ctx.write(new DatagramPacket(out, sender));
            return;
        }
        if (action != ACTION_ANNOUNCE && action != ACTION_SCRAPE) {
            drop(sender, "unknown action " + action);
            return;
        }
        if (!core.connectionIds.isValid(connectionId, sender)) {
            error(ctx, sender, transactionId, "unknown or expired connection id; connect again");
            return;
        }
        if (action == ACTION_ANNOUNCE) {
            announce(ctx, in, sender);
        } else {
            scrape(ctx, in, sender, transactionId);
        }
    }

    private void announce(ChannelHandlerContext ctx, ByteBuf in, InetSocketAddress sender) {
        if (in.readableBytes() < ANNOUNCE_REQUEST_LENGTH) {
            error(ctx, sender, in.getInt(in.readerIndex() + 12), "announce of " + in.readableBytes()
                    + " bytes; it has at least " + ANNOUNCE_REQUEST_LENGTH);
            return;
        }
        AnnounceFields a = UdpTrackerWire.readAnnounceRequest(in);
        if (a.port() == 0) {
            error(ctx, sender, a.transactionId(), "port 0");
            return;
        }
        InetAddress ip = CompactPeers.unmap(sender.getAddress());
        boolean ipv6 = !CompactPeers.isIpv4(ip);
        SwarmRegistry.Outcome outcome = core.swarms.announce(InfoHash.of(a.infoHash()), ip.getAddress(), a.port(),
                a.peerId(), a.event(), a.left(), a.numWant(),
                ipv6 ? SwarmRegistry.Family.IPV6 : SwarmRegistry.Family.IPV4, core.ticker.nanoTime());
        int stride = ipv6 ? CompactPeers.IPV6_STRIDE : CompactPeers.IPV4_STRIDE;
        ByteBuf out = ctx.alloc().buffer(UdpTrackerWire.ANNOUNCE_REPLY_HEADER_LENGTH + stride * outcome.peers().size());
        UdpTrackerWire.writeAnnounceReplyHeader(out, a.transactionId(), core.intervalSeconds(), outcome.leechers(),
                outcome.seeders());
        for (Peer p : outcome.peers()) {
            out.writeBytes(p.compact);
        }
        ctx.write(new DatagramPacket(out, sender));
        core.udpAnnounces++;
    }

    private void scrape(ChannelHandlerContext ctx, ByteBuf in, InetSocketAddress sender, int transactionId) {
        int n = Math.min((in.readableBytes() - SCRAPE_REQUEST_HEADER_LENGTH) / 20, MAX_SCRAPE_HASHES);
        if (n <= 0) {
            error(ctx, sender, transactionId, "scrape names no info hash");
            return;
        }
        ByteBuf out = ctx.alloc().buffer(UdpTrackerWire.SCRAPE_REPLY_HEADER_LENGTH + 12 * n);
        UdpTrackerWire.writeScrapeReplyHeader(out, transactionId);
        byte[] hash = new byte[20];
        for (int i = 0; i < n; i++) {
            in.getBytes(in.readerIndex() + SCRAPE_REQUEST_HEADER_LENGTH + 20 * i, hash);
            ScrapeStats s = core.swarms.scrape(InfoHash.of(hash));
            UdpTrackerWire.writeScrapeEntry(out, s.seeders(), s.completed(), s.leechers());
        }
        ctx.write(new DatagramPacket(out, sender));
        core.scrapes++;
    }

    private void error(ChannelHandlerContext ctx, InetSocketAddress sender, int transactionId, String message) {
        LOG.debug("UDP request from {} refused: {}", sender, message);
        ByteBuf out = ctx.alloc().buffer(UdpTrackerWire.ERROR_REPLY_HEADER_LENGTH + message.length());
        UdpTrackerWire.writeError(out, transactionId, message);
        ctx.write(new DatagramPacket(out, sender));
        core.badRequests++;
    }

    private void drop(InetSocketAddress sender, String why) {
        LOG.debug("dropped a UDP packet from {}: {}", sender, why);
        core.droppedPackets++;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP socket's errors concern one packet (e.g. an ICMP unreachable); the tracker goes on.
        LOG.debug("UDP tracker socket: {}", cause.toString());
    }
}
