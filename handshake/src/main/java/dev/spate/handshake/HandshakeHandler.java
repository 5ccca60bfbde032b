package dev.spate.handshake;

import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the handshake on one channel, then hands the channel on and removes itself.
 *
 * <ul>
 *   <li>Outbound: sends our handshake as soon as the channel is active, then checks that the
 *       peer answers with the same info hash.</li>
 *   <li>Inbound: reads the first 48 bytes, asks {@link InboundTorrents} whether we serve the
 *       info hash (an unknown one is dropped before we say anything), then answers with our
 *       handshake.</li>
 * </ul>
 * pstrlen and pstr are checked byte by byte as they arrive. An MSE handler before this one (see
 * {@code dev.spate.handshake.mse}) carries the handshake encrypted; it reports the method it
 * agreed on with an {@link EncryptionNegotiated} event, and its failures as a
 * {@link HandshakeException}. The timeout covers both handshakes. The timeout is scheduled on the
 * channel's event loop. On success {@link HandshakeCallback#established} installs the next
 * handlers; removing this decoder passes the bytes that followed the handshake on to them.
 * Every callback runs on the channel's event loop, exactly once per channel.
 */
public final class HandshakeHandler extends ByteToMessageDecoder {
    private static final Logger LOG = LogManager.getLogger(HandshakeHandler.class);

    private final HandshakeDirection direction;
    private final HandshakeConfig config;
    private final HandshakeCallback callback;
    private final byte[] expectedInfoHash;
    private final InboundTorrents torrents;
    private Encryption encryption = Encryption.NONE;
    /** Inbound over MSE: the torrent the encrypted handshake named, which the plain one must ask for. */
    private byte[] encryptedFor;

    private SocketAddress remoteAddress;
    private ScheduledFuture<?> timeout;
    private boolean started;
    private boolean headerChecked;
    private boolean finished;

    private HandshakeHandler(HandshakeDirection direction, HandshakeConfig config, HandshakeCallback callback,
                             byte[] expectedInfoHash, InboundTorrents torrents) {
        this.direction = direction;
        this.config = Objects.requireNonNull(config, "config");
        this.callback = Objects.requireNonNull(callback, "callback");
        this.expectedInfoHash = expectedInfoHash;
        this.torrents = torrents;
    }

    /** For a connection we dial to ask for {@code infoHash}. */
    public static HandshakeHandler outbound(InfoHash infoHash, HandshakeConfig config, HandshakeCallback callback) {
        return new HandshakeHandler(HandshakeDirection.OUTBOUND, config, callback, infoHash.wireId(), null);
    }

    /** For a connection our listener accepted; {@code torrents} says which info hashes we serve. */
    public static HandshakeHandler inbound(InboundTorrents torrents, HandshakeConfig config, HandshakeCallback callback) {
        return new HandshakeHandler(HandshakeDirection.INBOUND, config, callback, null,
                Objects.requireNonNull(torrents, "torrents"));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx);
        super.channelActive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        if (started) {
            return;
        }
        started = true;
        remoteAddress = ctx.channel().remoteAddress();
        timeout = ctx.executor().schedule(
                () -> fail(ctx, HandshakeFailure.TIMEOUT, "no complete handshake within " + config.timeout()),
                config.timeout().toNanos(), TimeUnit.NANOSECONDS);
        if (direction == HandshakeDirection.OUTBOUND) {
            send(ctx, expectedInfoHash);
        }
    }

    private void send(ChannelHandlerContext ctx, byte[] infoHash) {
        ByteBuf out = ctx.alloc().buffer(Handshake.LENGTH);
        new Handshake(infoHash, config.peerId(), config.capabilities()).writeTo(out);
        // A write that fails after the handshake ended (the connection closed meanwhile) is no news.
        ctx.writeAndFlush(out).addListener(f -> {
            if (!f.isSuccess()) {
                fail(ctx, HandshakeFailure.IO_ERROR, "sending our handshake failed: " + f.cause());
            }
        });
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (finished) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        String bad = Handshake.protocolError(in, start, in.readableBytes());
        if (bad != null) {
            fail(ctx, HandshakeFailure.BAD_PROTOCOL, bad);
            return;
        }
        if (in.readableBytes() < Handshake.HEADER_LENGTH) {
            return;
        }
        if (!headerChecked) {
            headerChecked = true;
            byte[] infoHash = new byte[20];
            in.getBytes(start + Handshake.INFO_HASH_OFFSET, infoHash);
            if (!checkInfoHash(ctx, infoHash)) {
                return;
            }
        }
        if (in.readableBytes() < Handshake.LENGTH) {
            return;
        }
        Handshake remote = Handshake.readFrom(in);
        if (remote.peerId().equals(config.peerId())) {
            fail(ctx, HandshakeFailure.CONNECTED_TO_SELF, "the remote peer id is our own");
            return;
        }
        succeed(ctx, remote);
    }

    /** False if the connection was failed. An inbound connection gets our handshake here. */
    private boolean checkInfoHash(ChannelHandlerContext ctx, byte[] infoHash) {
        if (direction == HandshakeDirection.OUTBOUND) {
            if (!Arrays.equals(infoHash, expectedInfoHash)) {
                fail(ctx, HandshakeFailure.INFO_HASH_MISMATCH, "asked for " + hex(expectedInfoHash)
                        + ", the peer answered " + hex(infoHash));
                return false;
            }
            return true;
        }
        if (encryptedFor != null && !Arrays.equals(infoHash, encryptedFor)) {
            fail(ctx, HandshakeFailure.INFO_HASH_MISMATCH, "the encrypted handshake was for " + hex(encryptedFor)
                    + ", the peer's handshake asks for " + hex(infoHash));
            return false;
        }
        if (!torrents.serves(infoHash.clone())) {
            fail(ctx, HandshakeFailure.UNKNOWN_INFO_HASH, "we do not serve " + hex(infoHash));
            return false;
        }
        send(ctx, infoHash);
        return true;
    }

    private void succeed(ChannelHandlerContext ctx, Handshake remote) {
        finished = true;
        timeout.cancel(false);
        HandshakeResult result = new HandshakeResult(remote, direction, remoteAddress,
                remote.capabilities().and(config.capabilities()), encryption);
        try {
            callback.established(ctx.channel(), result);
        } catch (RuntimeException e) {
            LOG.error("the handshake callback failed for {}; closing the connection", remoteAddress, e);
            ctx.close();
        }
        // ByteToMessageDecoder passes what is left of its buffer to the handlers the callback added.
        ctx.pipeline().remove(this);
    }

    private void fail(ChannelHandlerContext ctx, HandshakeFailure reason, String detail) {
        if (finished) {
            return;
        }
        finished = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (remoteAddress == null) { // failed before it started (an MSE handler before it gave up)
            remoteAddress = ctx.channel().remoteAddress();
        }
        LOG.debug("{} handshake with {} failed: {}: {}", direction, remoteAddress, reason, detail);
        try {
            callback.failed(remoteAddress, reason);
        } finally {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(ctx, HandshakeFailure.CONNECTION_CLOSED, "the connection closed after "
                + actualReadableBytes() + " bytes of the peer's handshake");
        super.channelInactive(ctx);
    }

    /** The MSE handler (before this one) says which method it agreed on. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof EncryptionNegotiated negotiated) {
            encryption = negotiated.encryption();
            encryptedFor = negotiated.infoHash();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof HandshakeException e) {
            fail(ctx, e.reason(), e.getMessage()); // no news if the handshake already ended
        } else if (finished) {
            ctx.fireExceptionCaught(cause);
        } else {
            fail(ctx, HandshakeFailure.IO_ERROR, String.valueOf(cause));
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
