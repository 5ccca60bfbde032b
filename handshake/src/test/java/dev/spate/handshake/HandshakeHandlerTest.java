package dev.spate.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandshakeHandlerTest {
    static final InfoHash TORRENT = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    static final InfoHash OTHER = InfoHash.fromHex("89abcdef0123456789abcdef0123456789abcdef");
    static final PeerId US = PeerId.of("-SP0100-ourselves000".getBytes(StandardCharsets.US_ASCII));
    static final PeerId THEM = PeerId.of("-LT2090-theirs000000".getBytes(StandardCharsets.US_ASCII));
    static final HandshakeConfig CONFIG = HandshakeConfig.of(US, Capabilities.spate());

    private final RecordingCallback callback = new RecordingCallback();
    private EmbeddedChannel channel;

    @AfterEach
    void closeChannel() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    private static byte[] handshake(InfoHash hash, PeerId id, Capabilities caps) {
        ByteBuf buf = Unpooled.buffer(68);
        try {
            new Handshake(hash.wireId(), id, caps).writeTo(buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    private static byte[] theirHandshake(InfoHash hash) {
        return handshake(hash, THEM, Capabilities.NONE.withFastExtension().withDht());
    }

    /** An active channel whose clock stands still until the test advances it. */
    private EmbeddedChannel channelWith(HandshakeHandler handler) {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(handler);
        return channel;
    }

    private EmbeddedChannel outbound(InfoHash hash) {
        return channelWith(HandshakeHandler.outbound(hash, CONFIG, callback));
    }

    private EmbeddedChannel inbound(InfoHash served) {
        return channelWith(HandshakeHandler.inbound(h -> served.matchesWireId(h), CONFIG, callback));
    }

    private byte[] readOutboundBytes() {
        ByteBuf out = channel.readOutbound();
        if (out == null) {
            return null;
        }
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private void writeInbound(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    private void writeByteByByte(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
        }
    }

    @Test
    void outboundSendsOurHandshakeAsSoonAsActive() {
        outbound(TORRENT);
        assertThat(readOutboundBytes()).isEqualTo(handshake(TORRENT, US, Capabilities.spate()));
        assertThat(callback.calls()).isZero();
    }

    @Test
    void outboundSucceedsHandsOnAndRemovesItself() {
        outbound(TORRENT);
        readOutboundBytes();
        writeInbound(theirHandshake(TORRENT));

        assertThat(callback.established).hasSize(1);
        HandshakeResult result = callback.established.get(0);
        assertThat(result.direction()).isEqualTo(HandshakeDirection.OUTBOUND);
        assertThat(result.remote().peerId()).isEqualTo(THEM);
        assertThat(result.remote().infoHash()).isEqualTo(TORRENT.wireId());
        assertThat(result.shared()).isEqualTo(Capabilities.NONE.withFastExtension());
        assertThat(result.remoteAddress()).isEqualTo(channel.remoteAddress());
        assertThat(channel.pipeline().get(HandshakeHandler.class)).isNull();
        assertThat(channel.pipeline().names()).contains("next");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void outboundRefusesAnotherInfoHash() {
        outbound(TORRENT);
        readOutboundBytes();
        writeInbound(theirHandshake(OTHER));
        assertThat(callback.failures).containsExactly(HandshakeFailure.INFO_HASH_MISMATCH);
        assertThat(callback.established).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void outboundRefusesTheMismatchBeforeThePeerIdArrives() {
        outbound(TORRENT);
        readOutboundBytes();
        writeByteByByte(theirHandshake(OTHER), 0, Handshake.HEADER_LENGTH);
        assertThat(callback.failures).containsExactly(HandshakeFailure.INFO_HASH_MISMATCH);
    }

    @Test
    void outboundByteByByte() {
        outbound(TORRENT);
        readOutboundBytes();
        byte[] theirs = theirHandshake(TORRENT);
        writeByteByByte(theirs, 0, 67);
        assertThat(callback.calls()).isZero();
        writeByteByByte(theirs, 67, 68);
        assertThat(callback.established).hasSize(1);
    }

    @Test
    void inboundDropsAnUnknownInfoHashBeforeSayingAnything() {
        inbound(TORRENT);
        assertThat(readOutboundBytes()).isNull();
        writeInbound(theirHandshake(OTHER));
        assertThat(readOutboundBytes()).isNull();
        assertThat(callback.failures).containsExactly(HandshakeFailure.UNKNOWN_INFO_HASH);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void inboundAnswersAfterFortyEightBytesThenWaitsForThePeerId() {
        inbound(TORRENT);
        byte[] theirs = theirHandshake(TORRENT);
        writeByteByByte(theirs, 0, 47);
        assertThat(readOutboundBytes()).isNull();
        writeByteByByte(theirs, 47, 48);
        assertThat(readOutboundBytes()).isEqualTo(handshake(TORRENT, US, Capabilities.spate()));
        assertThat(callback.calls()).isZero();

        writeByteByByte(theirs, 48, 68);
        assertThat(callback.established).hasSize(1);
        assertThat(callback.established.get(0).direction()).isEqualTo(HandshakeDirection.INBOUND);
        assertThat(callback.established.get(0).remote().peerId()).isEqualTo(THEM);
        assertThat(channel.pipeline().get(HandshakeHandler.class)).isNull();
    }

    @Test
    void bytesAfterTheHandshakeReachTheHandlersTheCallbackInstalled() {
        inbound(TORRENT);
        byte[] theirs = theirHandshake(TORRENT);
        byte[] message = HexFormat.of().parseHex("0000000d0600000001000040000000400000000001");
        byte[] packet = new byte[68 + message.length];
        System.arraycopy(theirs, 0, packet, 0, 68);
        System.arraycopy(message, 0, packet, 68, message.length);
        writeInbound(packet);

        assertThat(callback.established).hasSize(1);
        assertThat(callback.bytesAfterHandshake()).isEqualTo(message);
    }

    @Test
    void laterBytesFlowToTheNextHandlersToo() {
        outbound(TORRENT);
        readOutboundBytes();
        writeInbound(theirHandshake(TORRENT));
        writeInbound(new byte[] {0, 0, 0, 0});
        assertThat(callback.bytesAfterHandshake()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void aBadPstrlenIsRefusedAtTheFirstByte() {
        inbound(TORRENT);
        writeInbound(new byte[] {'G'});
        assertThat(callback.failures).containsExactly(HandshakeFailure.BAD_PROTOCOL);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aBadPstrIsRefusedAtTheFirstWrongByte() {
        outbound(TORRENT);
        readOutboundBytes();
        byte[] theirs = theirHandshake(TORRENT);
        theirs[5] = 'x';
        writeByteByByte(theirs, 0, 5);
        assertThat(callback.calls()).isZero();
        writeByteByByte(theirs, 5, 6);
        assertThat(callback.failures).containsExactly(HandshakeFailure.BAD_PROTOCOL);
    }

    @Test
    void timesOutAfterTenSecondsByDefault() {
        inbound(TORRENT);
        writeByteByByte(theirHandshake(TORRENT), 0, 30);
        channel.advanceTimeBy(9_999, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(callback.calls()).isZero();
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(callback.failures).containsExactly(HandshakeFailure.TIMEOUT);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void theTimeoutIsConfigurable() {
        channelWith(HandshakeHandler.outbound(TORRENT, CONFIG.withTimeout(Duration.ofSeconds(2)), callback));
        channel.advanceTimeBy(1999, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(callback.calls()).isZero();
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(callback.failures).containsExactly(HandshakeFailure.TIMEOUT);
    }

    @Test
    void aCompletedHandshakeCancelsTheTimeout() {
        outbound(TORRENT);
        readOutboundBytes();
        writeInbound(theirHandshake(TORRENT));
        channel.advanceTimeBy(1, TimeUnit.HOURS);
        channel.runScheduledPendingTasks();
        assertThat(callback.failures).isEmpty();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void refusesToTalkToItself() {
        outbound(TORRENT);
        readOutboundBytes();
        writeInbound(handshake(TORRENT, US, Capabilities.spate()));
        assertThat(callback.failures).containsExactly(HandshakeFailure.CONNECTED_TO_SELF);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aConnectionClosedMidHandshakeIsReportedOnce() {
        inbound(TORRENT);
        writeByteByByte(theirHandshake(TORRENT), 0, 50);
        readOutboundBytes();
        channel.close();
        channel.advanceTimeBy(1, TimeUnit.MINUTES);
        channel.runScheduledPendingTasks();
        assertThat(callback.failures).containsExactly(HandshakeFailure.CONNECTION_CLOSED);
        assertThat(callback.calls()).isOne();
    }

    @Test
    void anExceptionMidHandshakeFailsItAsAnIoError() {
        outbound(TORRENT);
        channel.pipeline().fireExceptionCaught(new java.io.IOException("connection reset"));
        assertThat(callback.failures).containsExactly(HandshakeFailure.IO_ERROR);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aFailingCallbackClosesTheConnection() {
        HandshakeCallback throwing = new HandshakeCallback() {
            @Override
            public void established(io.netty.channel.Channel ch, HandshakeResult result) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void failed(java.net.SocketAddress address, HandshakeFailure reason) {
                callback.failed(address, reason);
            }
        };
        channelWith(HandshakeHandler.outbound(TORRENT, CONFIG, throwing));
        writeInbound(theirHandshake(TORRENT));
        assertThat(channel.isOpen()).isFalse();
        assertThat(callback.failures).isEmpty();
    }
}
