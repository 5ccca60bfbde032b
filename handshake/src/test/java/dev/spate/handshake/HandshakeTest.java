package dev.spate.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    static final byte[] HASH = HexFormat.of().parseHex("0123456789abcdef0123456789abcdef01234567");
    static final PeerId PEER = PeerId.of("-LT2090-abcdefghijkl".getBytes(StandardCharsets.US_ASCII));

    @Test
    void writesTheSixtyEightBytesOfBep3() {
        ByteBuf out = Unpooled.buffer();
        try {
            new Handshake(HASH, PEER, Capabilities.spate()).writeTo(out);
            assertThat(ByteBufUtil.hexDump(out)).isEqualTo(
                    "13" + hex("BitTorrent protocol") + "0000000000100004"
                            + "0123456789abcdef0123456789abcdef01234567" + hex("-LT2090-abcdefghijkl"));
        } finally {
            out.release();
        }
    }

    @Test
    void readsWhatItWrites() {
        ByteBuf buf = Unpooled.buffer();
        try {
            Handshake h = new Handshake(HASH, PEER, Capabilities.NONE.withDht());
            h.writeTo(buf);
            buf.writeByte(42);
            assertThat(Handshake.readFrom(buf)).isEqualTo(h);
            assertThat(buf.readableBytes()).isEqualTo(1);
        } finally {
            buf.release();
        }
    }

    @Test
    void refusesAnotherProtocol() {
        ByteBuf buf = Unpooled.buffer();
        try {
            new Handshake(HASH, PEER, Capabilities.NONE).writeTo(buf);
            buf.setByte(5, 't');
            assertThatThrownBy(() -> Handshake.readFrom(buf))
                    .hasMessage("pstr is not \"BitTorrent protocol\": \"BitTtrrent protocol\"");
            buf.setByte(0, 18);
            assertThatThrownBy(() -> Handshake.readFrom(buf)).hasMessage("pstrlen is 18, expected 19");
        } finally {
            buf.release();
        }
    }

    @Test
    void refusesAShortBuffer() {
        ByteBuf buf = Unpooled.buffer().writeZero(67);
        try {
            assertThatThrownBy(() -> Handshake.readFrom(buf)).hasMessageContaining("only 67 are readable");
        } finally {
            buf.release();
        }
    }

    @Test
    void theInfoHashIsCopiedAndComparedByContent() {
        byte[] hash = HASH.clone();
        Handshake h = new Handshake(hash, PEER, Capabilities.NONE);
        hash[0] = 0;
        h.infoHash()[1] = 0;
        assertThat(h.infoHash()).isEqualTo(HASH);
        assertThat(h).isEqualTo(new Handshake(HASH, PEER, Capabilities.NONE));
        assertThat(h.hashCode()).isEqualTo(new Handshake(HASH, PEER, Capabilities.NONE).hashCode());
        assertThatThrownBy(() -> new Handshake(new byte[32], PEER, Capabilities.NONE))
                .hasMessageContaining("20 bytes, not 32");
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
