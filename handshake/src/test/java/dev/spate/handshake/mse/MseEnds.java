package dev.spate.handshake.mse;

import dev.spate.handshake.Capabilities;
import dev.spate.handshake.EncryptionPolicy;
import dev.spate.handshake.Handshake;
import dev.spate.handshake.HandshakeConfig;
import dev.spate.handshake.HandshakeHandler;
import dev.spate.handshake.InboundTorrents;
import dev.spate.handshake.PeerId;
import dev.spate.handshake.PeerListener;
import dev.spate.handshake.RecordingCallback;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * The two ends of an MSE handshake on {@link EmbeddedChannel}s, as the dialer and the listener
 * build them (MSE handler, then the BitTorrent handshake handler), with frozen clocks.
 */
final class MseEnds {
    static final InfoHash TORRENT = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    static final InfoHash OTHER = InfoHash.fromHex("89abcdef0123456789abcdef0123456789abcdef");
    static final PeerId A_ID = PeerId.of("-SP0100-initiator000".getBytes(StandardCharsets.US_ASCII));
    static final PeerId B_ID = PeerId.of("-SP0100-responder000".getBytes(StandardCharsets.US_ASCII));
    static final Capabilities CAPS = Capabilities.spate();

    private MseEnds() {
    }

    static EmbeddedChannel initiator(EncryptionPolicy policy, RandomGenerator random, RecordingCallback callback) {
        return initiator(TORRENT, TORRENT, policy, random, callback);
    }

    /** An initiator whose MSE handshake names {@code skey} and whose BitTorrent handshake asks for {@code asked}. */
    static EmbeddedChannel initiator(InfoHash skey, InfoHash asked, EncryptionPolicy policy, RandomGenerator random,
                                     RecordingCallback callback) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(PeerListener.ENCRYPTION, new MseInitiator(skey.wireId(), policy, random));
        ch.pipeline().addLast(PeerListener.HANDSHAKE,
                HandshakeHandler.outbound(asked, HandshakeConfig.of(A_ID, CAPS), callback));
        return ch;
    }

    static EmbeddedChannel responder(InboundTorrents torrents, EncryptionPolicy defaultPolicy, RandomGenerator random,
                                     RecordingCallback callback) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        HandshakeConfig config = HandshakeConfig.of(B_ID, CAPS).withEncryption(defaultPolicy);
        ch.pipeline().addLast(PeerListener.ENCRYPTION, new EncryptionDetector(torrents, defaultPolicy, random));
        ch.pipeline().addLast(PeerListener.HANDSHAKE, HandshakeHandler.inbound(torrents, config, callback));
        return ch;
    }

    /** Everything the channel has written since the last call. */
    static byte[] drain(EmbeddedChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object msg; (msg = ch.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) msg;
            out.writeBytes(ByteBufUtil.getBytes(buf));
            buf.release();
        }
        return out.toByteArray();
    }

    /** Delivers {@code bytes[from, to)} in one read, if the channel is still open. */
    static void feed(EmbeddedChannel ch, byte[] bytes, int from, int to) {
        if (from < to && ch.isOpen()) {
            ch.writeInbound(Unpooled.copiedBuffer(bytes, from, to - from));
        }
    }

    static void feed(EmbeddedChannel ch, byte[] bytes) {
        feed(ch, bytes, 0, bytes.length);
    }

    /** Delivers the bytes one read per byte, stopping if the channel closes. */
    static void feedByteByByte(EmbeddedChannel ch, byte[] bytes) {
        for (int i = 0; i < bytes.length && ch.isOpen(); i++) {
            feed(ch, bytes, i, i + 1);
        }
    }

    /**
     * Moves what each end writes to the other until neither has more to say; returns what A and
     * B sent, in order.
     */
    static byte[][] converse(EmbeddedChannel a, EmbeddedChannel b) {
        ByteArrayOutputStream fromA = new ByteArrayOutputStream();
        ByteArrayOutputStream fromB = new ByteArrayOutputStream();
        while (true) {
            byte[] x = drain(a);
            fromA.writeBytes(x);
            feed(b, x);
            byte[] y = drain(b);
            fromB.writeBytes(y);
            feed(a, y);
            if (x.length == 0 && y.length == 0) {
                return new byte[][] {fromA.toByteArray(), fromB.toByteArray()};
            }
        }
    }

    static byte[] handshake(InfoHash hash, PeerId id) {
        ByteBuf buf = Unpooled.buffer(Handshake.LENGTH);
        try {
            new Handshake(hash.wireId(), id, CAPS).writeTo(buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** {@code n} bytes counting up from {@code first}: recognisable padding. */
    static byte[] bytes(int n, int first) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }
}
