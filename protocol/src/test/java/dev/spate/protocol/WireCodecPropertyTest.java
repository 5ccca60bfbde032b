package dev.spate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;

/** Encoding then decoding any sequence of messages, cut into reads anywhere, gives them back. */
class WireCodecPropertyTest {
    static final int PIECES = 1001;

    @AfterProperty
    void noLeaks() {
        TestLeaks.assertNoLeaks();
    }

    @Property(tries = 300)
    void decodeOfEncodeIsIdentity(@ForAll @Size(max = 30) List<@From("messages") WireMessage> messages,
                                  @ForAll @IntRange(min = 1, max = 200) int readSize) {
        ByteBuf stream = PooledByteBufAllocator.DEFAULT.directBuffer();
        for (WireMessage m : messages) {
            WireFormat.write(m, stream);
        }
        assertThat(stream.readableBytes()).isEqualTo(messages.stream().mapToInt(WireFormat::encodedLength).sum());
        try (DecoderChannel wire = DecoderChannel.withPieces(PIECES)) {
            List<WireMessage> decoded = new ArrayList<>();
            while (stream.isReadable()) {
                wire.channel.writeInbound(stream.readRetainedSlice(Math.min(readSize, stream.readableBytes())));
                decoded.addAll(wire.drain());
            }
            try {
                assertThat(decoded).containsExactlyElementsOf(messages);
            } finally {
                DecoderChannel.release(decoded);
            }
        } finally {
            stream.release();
            DecoderChannel.release(messages);
        }
    }

    @Provide
    Arbitrary<WireMessage> messages() {
        Arbitrary<Integer> piece = Arbitraries.integers().between(0, PIECES - 1);
        Arbitrary<Integer> offset = Arbitraries.integers().greaterOrEqual(0);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, WireLimits.DEFAULT_MAX_BLOCK_LENGTH);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.oneOf(
                Arbitraries.of(WireMessage.KEEP_ALIVE, WireMessage.CHOKE, WireMessage.UNCHOKE, WireMessage.INTERESTED,
                        WireMessage.NOT_INTERESTED, WireMessage.HAVE_ALL, WireMessage.HAVE_NONE),
                piece.map(WireMessage.Have::new),
                piece.map(WireMessage.SuggestPiece::new),
                piece.map(WireMessage.AllowedFast::new),
                Combinators.combine(piece, offset, length).as(WireMessage.Request::new),
                Combinators.combine(piece, offset, length).as(WireMessage.Cancel::new),
                Combinators.combine(piece, offset, length).as(WireMessage.RejectRequest::new),
                Arbitraries.integers().between(0, 0xffff).map(WireMessage.Port::new),
                Arbitraries.bytes().array(byte[].class).ofSize(FrameRules.bitfieldLength(PIECES))
                        .map(WireCodecPropertyTest::clearSpareBits).map(WireMessage.Bitfield::new),
                Combinators.combine(piece, offset, data)
                        .as((p, o, d) -> new WireMessage.Piece(p, o, Unpooled.wrappedBuffer(d))),
                Combinators.combine(Arbitraries.integers().between(0, 255), data).as(WireMessage.Extended::new));
    }

    private static byte[] clearSpareBits(byte[] bits) {
        int used = PIECES % 8;
        if (used != 0) {
            bits[bits.length - 1] &= (byte) (0xff << (8 - used));
        }
        return bits;
    }
}
