package dev.spate.handshake.mse;

import dev.spate.handshake.EncryptionPolicy;
import dev.spate.handshake.HandshakeException;
import dev.spate.handshake.HandshakeFailure;
import dev.spate.handshake.InboundTorrents;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The first handler of an accepted connection: tells a plain BitTorrent handshake (19, then
 * "BitTorrent protocol") from an MSE handshake (a public key: anything else) by its first bytes,
 * then steps aside. An MSE handshake gets an {@link MseResponder} in its place. A plain one is
 * checked against its torrent's policy once the info hash has arrived (a torrent that requires
 * encryption refuses it) and goes on to the BitTorrent handshake handler untouched.
 */
public final class EncryptionDetector extends ByteToMessageDecoder {
    private static final byte[] PROTOCOL = "\u0013BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);
    /** pstrlen, pstr, the reserved bytes and the info hash. */
    private static final int INFO_HASH_END = 48;
    private static final int INFO_HASH_OFFSET = 28;

    private final InboundTorrents torrents;
    private final EncryptionPolicy defaultPolicy;
    private final RandomGenerator random;
    private boolean refused;

    public EncryptionDetector(InboundTorrents torrents, EncryptionPolicy defaultPolicy, RandomGenerator random) {
        this.torrents = torrents;
        this.defaultPolicy = defaultPolicy;
        this.random = random;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (refused) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        int n = Math.min(in.readableBytes(), PROTOCOL.length);
        for (int k = 0; k < n; k++) {
            if (in.getByte(start + k) != PROTOCOL[k]) {
                // Not BitTorrent's header: a public key. The responder gets the bytes read so far.
                ctx.pipeline().replace(this, ctx.name(), new MseResponder(torrents, defaultPolicy, random));
                return;
            }
        }
        if (in.readableBytes() < INFO_HASH_END) {
            return;
        }
        byte[] infoHash = new byte[20];
        in.getBytes(start + INFO_HASH_OFFSET, infoHash);
        EncryptionPolicy policy = torrents.encryption(infoHash).orElse(defaultPolicy);
        if (!policy.allowsPlainHandshake()) {
            refused = true;
            in.skipBytes(in.readableBytes());
            ctx.fireExceptionCaught(new HandshakeException(HandshakeFailure.ENCRYPTION_REFUSED,
                    "a plain handshake for " + HexFormat.of().formatHex(infoHash) + ", whose policy is " + policy));
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
    }
}
