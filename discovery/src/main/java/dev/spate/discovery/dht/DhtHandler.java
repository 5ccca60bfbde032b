package dev.spate.discovery.dht;

import dev.spate.discovery.Ticker;
import dev.spate.discovery.dht.krpc.KrpcCodec;
import dev.spate.discovery.dht.krpc.KrpcException;
import dev.spate.discovery.dht.krpc.KrpcMessage;
import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.discovery.tracker.wire.CompactPeers;
import dev.spate.metainfo.bencode.BString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The DHT node's datagram handler: decodes each packet (one bounded copy out of the receive buffer)
 * and hands it to the {@link DhtEngine}, which it creates once it has a channel; sends what the
 * engine sends. Bad datagrams are counted and logged at DEBUG, never thrown.
 */
final class DhtHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LogManager.getLogger(DhtHandler.class);
    /** BEP 5's {@code v}: two letters for the client, two bytes of version. */
    static final BString VERSION = BString.of(new byte[] {'S', 'P', 0, 1});

    private final DhtConfig config;
    private final NodeId own;
    private final List<NodeContact> stored;
    private final Ticker ticker;
    private final Random random;
    private ChannelHandlerContext ctx;
    private DhtEngine engine;

    DhtHandler(DhtConfig config, NodeId own, List<NodeContact> stored, Ticker ticker, Random random) {
        this.config = config;
        this.own = own;
        this.stored = stored;
        this.ticker = ticker;
        this.random = random;
    }

    /** The engine; there once the handler is in a pipeline. */
    DhtEngine engine() {
        return engine;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.engine = new DhtEngine(config, own, stored, ctx.executor(), ticker, random, this::send);
        if (ctx.channel().isActive()) {
            engine.start();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        engine.start();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        engine.close();
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        InetSocketAddress sender = packet.sender();
        if (sender == null || sender.getPort() == 0) {
            return;
        }
        InetSocketAddress from = new InetSocketAddress(CompactPeers.unmap(sender.getAddress()), sender.getPort());
        ByteBuf in = packet.content();
        KrpcMessage message;
        try {
            if (in.readableBytes() > KrpcCodec.MAX_MESSAGE_BYTES) {
                throw new KrpcException("a datagram of " + in.readableBytes() + " bytes or more is over the "
                        + KrpcCodec.MAX_MESSAGE_BYTES + "-byte limit");
            }
            message = KrpcCodec.decode(ByteBufUtil.getBytes(in));
        } catch (KrpcException e) {
            LOG.debug("dropped a datagram from {}: {}", from, e.getMessage());
            engine.onMalformed(e, from);
            return;
        }
        engine.onMessage(message, from);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A datagram socket reports local trouble only (an unreachable port, a full buffer); queries time out.
        LOG.debug("DHT socket: {}", cause.toString());
    }

    private void send(InetSocketAddress to, KrpcMessage message) {
        ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(KrpcCodec.encode(message, VERSION)), to),
                ctx.voidPromise());
    }
}
