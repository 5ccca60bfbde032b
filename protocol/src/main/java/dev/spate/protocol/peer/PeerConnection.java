package dev.spate.protocol.peer;

import dev.spate.protocol.ExtensionHandshake;
import dev.spate.protocol.FilePiece;
import dev.spate.protocol.ProtocolViolation;
import dev.spate.protocol.WireDecoder;
import dev.spate.protocol.WireEncoder;
import dev.spate.protocol.WireMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The wire protocol state machine of one peer, on the peer's event loop: choke and interest both
 * ways, our outstanding requests (each holding the memory its block will land in), the remote's
 * requests we serve, keep-alives and idle timeouts. It reports to selection through its
 * {@link PeerLink} and carries out selection's orders; it decides nothing about which blocks to
 * request or whom to unchoke.
 */
public final class PeerConnection extends ChannelInboundHandlerAdapter implements PeerLink.Downstream {
    private static final Logger LOG = LogManager.getLogger(PeerConnection.class);
    /** More blocks than this that nobody asked for is not an end-game race but an attack. */
    private static final int UNREQUESTED_LIMIT = 256;

    private final PeerLink link;
    private final PeerContext context;
    private final OutstandingRequests outstanding = new OutstandingRequests(256);
    private final UploadQueue uploads;
    private final Runnable flushTask = this::flushNow;
    private ChannelHandlerContext ctx;
    private boolean peerChoking = true;
    private boolean amChoking = true;
    private boolean sawStateMessage;
    private int readsInFlight;
    private long uploadQuota = -1;
    private int unrequestedTotal;
    private boolean flushScheduled;
    private boolean closed;

    private PeerConnection(PeerLink link, PeerContext context) {
        this.link = link;
        this.context = context;
        this.uploads = new UploadQueue(2 * context.maxQueuedRequests());
    }

    /**
     * Puts the wire protocol on a channel whose handshake just completed, and binds the link to
     * it. Call on the channel's event loop (from {@code HandshakeCallback.established}).
     */
    public static PeerConnection install(Channel channel, PeerLink link, PeerContext context, WireDecoder decoder) {
        PeerConnection connection = new PeerConnection(link, context);
        decoder.pieceCount(context.pieceCount());
        channel.pipeline().addLast("idle", new IdleStateHandler(context.idleTimeout().toMillis(),
                context.keepAliveInterval().toMillis(), 0, TimeUnit.MILLISECONDS));
        channel.pipeline().addLast("wire-decoder", decoder);
        channel.pipeline().addLast("wire-encoder", new WireEncoder());
        channel.pipeline().addLast("peer", connection);
        link.bind(channel.eventLoop(), connection);
        return connection;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    // ---- reading ----

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closed) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (msg instanceof WireMessage.Piece p) {
                try {
                    onPiece(p);
                } finally {
                    p.release();
                }
            } else {
                onMessage((WireMessage) msg);
            }
        } catch (ProtocolViolation v) {
            close(v.reason(), true);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flushReport();
    }

    private void onMessage(WireMessage m) {
        PeerReport r = link.report();
        boolean stateMessage = !(m instanceof WireMessage.Extended || m instanceof WireMessage.KeepAlive
                || m instanceof WireMessage.Port);
        boolean first = !sawStateMessage;
        sawStateMessage |= stateMessage;
        if (m instanceof WireMessage.Choke) {
            onChoked(r);
        } else if (m instanceof WireMessage.Unchoke) {
            peerChoking = false;
            r.chokeChanged = true;
            r.peerChoking = false;
        } else if (m instanceof WireMessage.Interested || m instanceof WireMessage.NotInterested) {
            r.interestChanged = true;
            r.peerInterested = m instanceof WireMessage.Interested;
        } else if (m instanceof WireMessage.Have h) {
            r.haves.add(h.piece());
        } else if (m instanceof WireMessage.Bitfield b) {
            // BEP 3 sends it first only, but aria2 sends one later in place of have messages (when
            // that is shorter): pieces are never lost, so a later one adds to what the peer has.
            r.bitfield = r.bitfield == null ? b.bits() : or(r.bitfield, b.bits());
        } else if (m instanceof WireMessage.HaveAll) {
            requireFast("have all");
            r.haveAll = true; // later too: aria2 sends it when it completes
        } else if (m instanceof WireMessage.HaveNone) {
            requireFast("have none");
            r.haveNone = first; // later it says nothing: pieces are never lost
        } else if (m instanceof WireMessage.Request q) {
            onRequest(q.piece(), q.offset(), q.length());
        } else if (m instanceof WireMessage.Cancel c) {
            uploads.remove(Blocks.pack(c.piece(), c.offset()));
        } else if (m instanceof WireMessage.RejectRequest rr) {
            requireFast("reject request");
            long key = Blocks.pack(rr.piece(), rr.offset());
            BlockTarget target = outstanding.remove(key);
            if (target != null) {
                target.release();
                r.requestsDropped.add(key);
            }
        } else if (m instanceof WireMessage.AllowedFast af) {
            requireFast("allowed fast");
            r.allowedFast.add(af.piece());
        } else if (m instanceof WireMessage.SuggestPiece s) {
            r.suggested.add(s.piece());
        } else if (m instanceof WireMessage.Extended e) {
            onExtended(e, r);
        }
        // Keep-alives need nothing (the idle timer already saw the read); a DHT port is for the DHT.
    }

    private void onChoked(PeerReport r) {
        peerChoking = true;
        r.chokeChanged = true;
        r.peerChoking = true;
        if (!context.fastExtension()) {
            // Without the fast extension a choke silently drops every request (BEP 3).
            outstanding.drain((key, target) -> {
                target.release();
                r.requestsDropped.add(key);
            });
        }
    }

    private void onPiece(WireMessage.Piece p) {
        long key = Blocks.pack(p.piece(), p.offset());
        BlockTarget target = outstanding.remove(key);
        PeerReport r = link.report();
        if (target == null) {
            r.unrequestedBlocks++;
            if (++unrequestedTotal > UNREQUESTED_LIMIT) {
                throw new ProtocolViolation("sent more than " + UNREQUESTED_LIMIT + " blocks nobody asked for");
            }
            return;
        }
        int expected = Blocks.length(context.pieceSize(p.piece()), p.offset());
        if (p.length() != expected) {
            target.release();
            r.requestsDropped.add(key);
            throw new ProtocolViolation("piece " + p.piece() + " offset " + p.offset() + " has " + p.length()
                    + " bytes, we asked for " + expected);
        }
        target.deliver(p.piece(), p.offset(), p.data(), link.peerId());
        r.blocksReceived.add(key);
        r.bytesDownloaded += expected;
    }

    private void onRequest(int piece, int offset, int length) {
        if ((long) offset + length > context.pieceSize(piece)) {
            throw new ProtocolViolation("request for piece " + piece + " bytes " + offset + "+" + length
                    + " goes past its end (" + context.pieceSize(piece) + " bytes)");
        }
        if (amChoking || !context.have().has(piece)) {
            if (context.fastExtension()) {
                ctx.write(new WireMessage.RejectRequest(piece, offset, length));
                scheduleFlush();
            }
            return;
        }
        if (uploads.isFull()) {
            throw new ProtocolViolation("more than " + uploads.size() + " requests queued at once");
        }
        uploads.add(Blocks.pack(piece, offset), length);
        pumpUploads();
    }

    private void onExtended(WireMessage.Extended e, PeerReport r) {
        if (!context.extensionProtocol()) {
            throw new ProtocolViolation("extension message without the extension protocol bit");
        }
        if (e.extendedId() == 0) {
            ExtensionHandshake remote = ExtensionHandshake.decode(e.payload());
            r.extensionHandshake = remote;
            remote.requestQueueLength().ifPresent(q -> r.remoteRequestLimit = Math.max(1, q));
        } else if (context.ourExtensions().extensions().containsValue(e.extendedId())) {
            r.extensionMessages.add(e);
        }
        // Ids we never gave out are ignored, as BEP 10 asks.
    }

    private void requireFast(String what) {
        if (!context.fastExtension()) {
            throw new ProtocolViolation(what + " without the fast extension bit");
        }
    }

    private static byte[] or(byte[] a, byte[] b) {
        byte[] out = a.clone();
        for (int i = 0; i < out.length && i < b.length; i++) {
            out[i] |= b[i];
        }
        return out;
    }

    // ---- uploading ----

    private void pumpUploads() {
        while (!closed && !amChoking && readsInFlight < context.maxReadsInFlight() && !uploads.isEmpty()
                && ctx.channel().isWritable() && uploadQuota != 0) {
            long key = uploads.peekBlock();
            int length = uploads.peekLength();
            uploads.removeFirst();
            readsInFlight++;
            if (uploadQuota > 0) {
                uploadQuota = Math.max(0, uploadQuota - length);
            }
            int piece = Blocks.piece(key);
            int offset = Blocks.offset(key);
            context.source().read(piece, offset, length, (block, error) ->
                    ctx.channel().eventLoop().execute(() -> onBlockRead(piece, offset, length, block, error)));
        }
    }

    private void onBlockRead(int piece, int offset, int length, Object block, Throwable error) {
        readsInFlight--;
        if (block == null) {
            LOG.debug("peer {}: read of piece {} offset {} failed: {}", link.peerId(), piece, offset, error);
            if (!closed && context.fastExtension()) {
                ctx.write(new WireMessage.RejectRequest(piece, offset, length));
                scheduleFlush();
            }
        } else if (closed || amChoking) {
            ReferenceCountUtil.release(block);
        } else {
            Object message = block instanceof ByteBuf buf ? new WireMessage.Piece(piece, offset, buf)
                    : new FilePiece(piece, offset, (FileRegion) block);
            ctx.write(message, ctx.voidPromise());
            link.report().bytesUploaded += length;
            scheduleFlush();
        }
        pumpUploads();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        pumpUploads();
        ctx.fireChannelWritabilityChanged();
    }

    // ---- orders from selection ----

    @Override
    public void execute(PeerOrders orders) {
        if (closed) {
            orders.releaseRequests();
            link.ordersDone(orders);
            return;
        }
        PeerReport r = link.report();
        if (orders.sendBitfield) {
            sendBitfield();
        }
        if (orders.cancelAll) {
            outstanding.drain((key, target) -> {
                target.release();
                writeCancel(key);
            });
        }
        for (int i = 0; i < orders.cancels.size(); i++) {
            long key = orders.cancels.get(i);
            BlockTarget target = outstanding.remove(key);
            if (target != null) {
                target.release();
                writeCancel(key);
            }
        }
        if (orders.choke != null) {
            setChoke(orders.choke);
        }
        if (orders.interested != null) {
            ctx.write(orders.interested ? WireMessage.INTERESTED : WireMessage.NOT_INTERESTED, ctx.voidPromise());
        }
        for (int i = 0; i < orders.haves.size(); i++) {
            ctx.write(new WireMessage.Have(orders.haves.get(i)), ctx.voidPromise());
        }
        if (orders.uploadQuota != null) {
            uploadQuota = orders.uploadQuota;
        }
        for (int i = 0; i < orders.requestCount(); i++) {
            int piece = orders.requestPiece(i);
            int offset = orders.requestOffset(i);
            long key = Blocks.pack(piece, offset);
            BlockTarget target = orders.requestTarget(i);
            if ((peerChoking && !context.fastExtension()) || outstanding.contains(key)) {
                target.release(); // choked since selection decided: the request would be lost
                r.requestsDropped.add(key);
            } else {
                outstanding.put(key, target);
                ctx.write(new WireMessage.Request(piece, offset, orders.requestLength(i)), ctx.voidPromise());
            }
        }
        for (Object m : orders.extensionMessages) {
            ctx.write(m, ctx.voidPromise());
        }
        String disconnect = orders.disconnect;
        link.ordersDone(orders);
        ctx.flush();
        if (disconnect != null) {
            close(disconnect, false);
            return;
        }
        flushReport();
        pumpUploads();
    }

    private void sendBitfield() {
        PieceSet have = context.have();
        int count = have.cardinality();
        if (context.fastExtension() && count == 0) {
            ctx.write(WireMessage.HAVE_NONE, ctx.voidPromise());
        } else if (context.fastExtension() && count == have.pieceCount()) {
            ctx.write(WireMessage.HAVE_ALL, ctx.voidPromise());
        } else if (count > 0) {
            ctx.write(new WireMessage.Bitfield(have.toBitfield()), ctx.voidPromise());
        }
        if (context.extensionProtocol()) {
            ExtensionHandshake ours = context.ourExtensions();
            if (ctx.channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null) {
                ours = ours.withYourIp(remote.getAddress());
            }
            ctx.write(new WireMessage.Extended(0, ours.encode()), ctx.voidPromise());
        }
    }

    private void setChoke(boolean choke) {
        if (choke == amChoking) {
            return;
        }
        amChoking = choke;
        ctx.write(choke ? WireMessage.CHOKE : WireMessage.UNCHOKE, ctx.voidPromise());
        if (choke) {
            // Requests we have not started are dropped; with the fast extension we say so.
            while (!uploads.isEmpty()) {
                long key = uploads.peekBlock();
                if (context.fastExtension()) {
                    ctx.write(new WireMessage.RejectRequest(Blocks.piece(key), Blocks.offset(key), uploads.peekLength()),
                            ctx.voidPromise());
                }
                uploads.removeFirst();
            }
        }
    }

    private void writeCancel(long key) {
        int piece = Blocks.piece(key);
        int offset = Blocks.offset(key);
        ctx.write(new WireMessage.Cancel(piece, offset, Blocks.length(context.pieceSize(piece), offset)),
                ctx.voidPromise());
    }

    // ---- the link ----

    private void flushReport() {
        if (closed) {
            return;
        }
        if (!link.flushReport()) {
            ctx.channel().config().setAutoRead(false); // selection is behind: stop reading until it catches up
        }
    }

    @Override
    public void resume() {
        if (!closed && link.flushReport()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            ctx.channel().eventLoop().execute(flushTask);
        }
    }

    private void flushNow() {
        flushScheduled = false;
        if (!closed) {
            ctx.flush();
            flushReport();
        }
    }

    // ---- ending ----

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE) {
                close("nothing received for " + context.idleTimeout().toSeconds() + " s", false);
            } else if (idle.state() == IdleState.WRITER_IDLE) {
                ctx.writeAndFlush(WireMessage.KEEP_ALIVE, ctx.voidPromise());
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ProtocolViolation v) {
            close(v.reason(), true);
        } else if (cause instanceof DecoderException d) {
            close("undecodable message: " + d.getMessage(), true);
        } else {
            close("connection error: " + cause.getMessage(), false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        close("connection closed", false);
    }

    /** Ends the connection: gives back every block target and sends selection the last report. */
    private void close(String reason, boolean misbehaved) {
        if (closed) {
            return;
        }
        closed = true;
        if (misbehaved) {
            LOG.debug("peer {} ({}): {}", link.peerId(), ctx.channel().remoteAddress(), reason);
        }
        outstanding.drain((key, target) -> target.release());
        uploads.clear();
        link.closeReport(reason, misbehaved);
        ctx.close();
    }
}
