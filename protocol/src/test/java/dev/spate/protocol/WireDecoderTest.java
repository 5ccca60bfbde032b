package dev.spate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.protocol.BepExamples.Example;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The four cases for every message (correct, insufficient, invalid, invalid declared length), and framing. */
class WireDecoderTest {
    private DecoderChannel wire = DecoderChannel.withPieces(BepExamples.PIECES);

    @AfterEach
    void close() {
        wire.close();
    }

    static List<Example> examples() {
        return BepExamples.all();
    }

    /**
     * Examples whose length follows from their id (and the piece count): all but the keep-alive,
     * which has no id, and piece and extended, which are refused past their caps (tested below).
     */
    static List<Example> examplesOfFixedLength() {
        return examples().stream().filter(e -> !List.of("keep-alive", "piece", "extended").contains(e.name())).toList();
    }

    private void assertDecodesTo(List<WireMessage> decoded, WireMessage expected) {
        try {
            assertThat(decoded).containsExactly(expected);
        } finally {
            DecoderChannel.release(decoded);
            DecoderChannel.release(List.of(expected));
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void decodesTheBytesOfTheBeps(Example example) {
        wire.feed(example.hex());
        assertDecodesTo(wire.drain(), example.message().get());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void waitsForTheLastByte(Example example) {
        byte[] bytes = Hex.bytes(example.hex());
        byte[] allButLast = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        wire.feed(allButLast);
        assertThat(wire.drain()).isEmpty();
        wire.feed(new byte[] {bytes[bytes.length - 1]});
        assertDecodesTo(wire.drain(), example.message().get());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void decodesByteByByte(Example example) {
        wire.feedByteByByte(Hex.bytes(example.hex()));
        assertDecodesTo(wire.drain(), example.message().get());
    }

    @ParameterizedTest
    @MethodSource("examplesOfFixedLength")
    void refusesADeclaredLengthOneLonger(Example example) {
        byte[] bytes = Hex.bytes(example.hex());
        bytes[3]++;
        byte[] header = java.util.Arrays.copyOf(bytes, 5);
        assertThatThrownBy(() -> wire.feed(header))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessageStartingWith(MessageIds.name(bytes[4]) + " message has length " + (bytes[3] & 0xff));
    }

    /** Examples that name a piece, which the torrent of {@value BepExamples#PIECES} pieces must have. */
    static List<Example> examplesWithAPieceIndex() {
        return examples().stream()
                .filter(e -> List.of("have", "request", "piece", "cancel", "suggest piece", "reject request",
                        "allowed fast").contains(e.name()))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("examplesWithAPieceIndex")
    void refusesAPieceIndexPastTheLastPiece(Example example) {
        byte[] bytes = Hex.bytes(example.hex());
        bytes[8] = BepExamples.PIECES; // the index is bytes 5 to 8
        assertThatThrownBy(() -> wire.feed(bytes))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage(example.name() + " names piece 10, the torrent has 10 pieces");
    }

    @Test
    void decodesEveryMessageFromOneRead() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<WireMessage> expected = new ArrayList<>();
        for (Example e : examples()) {
            stream.writeBytes(Hex.bytes(e.hex()));
            expected.add(e.message().get());
        }
        wire.feed(stream.toByteArray());
        List<WireMessage> decoded = wire.drain();
        try {
            assertThat(decoded).containsExactlyElementsOf(expected);
        } finally {
            DecoderChannel.release(decoded);
            DecoderChannel.release(expected);
        }
    }

    @Test
    void refusesAHugeFrameFromItsLengthPrefixAlone() {
        assertThatThrownBy(() -> wire.feed("7f ff ff ff"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("a frame of 2147483647 bytes is longer than any message may be (1048578 bytes)");
    }

    @Test
    void refusesAPieceLongerThanTheBlockLimit() {
        // 9 + 128 KiB + 1: the id alone says it is too long; the body is never waited for.
        assertThatThrownBy(() -> wire.feed("00 02 00 0a 07"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("piece message has length 131082, expected 9 to 131081");
    }

    @Test
    void refusesPieceAndExtendedMessagesTooShortForTheirHeaders() {
        assertThatThrownBy(() -> wire.feed("00 00 00 08 07"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("piece message has length 8, expected 9 to 131081");
        wire.close();
        wire = DecoderChannel.withPieces(10);
        assertThatThrownBy(() -> wire.feed("00 00 00 01 14"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("extended message has length 1, expected 2 to 1048578");
    }

    @Test
    void refusesABitfieldOfTheWrongLengthForThePieceCount() {
        assertThatThrownBy(() -> wire.feed("00 00 00 02 05 ff"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("bitfield message has length 2, expected 3 for 10 pieces");
    }

    @Test
    void refusesABitfieldWithSpareBitsSet() {
        assertThatThrownBy(() -> wire.feed("00 00 00 03 05 ff e0"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("bitfield sets spare bits past piece 9 (last byte 0xe0)");
    }

    @Test
    void refusesPieceIndexesPastThePieceCount() {
        assertThatThrownBy(() -> wire.feed("00 00 00 05 04 00 00 00 0a"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("have names piece 10, the torrent has 10 pieces");
        wire.close();
        wire = DecoderChannel.withPieces(10);
        assertThatThrownBy(() -> wire.feed("00 00 00 0d 06 ff ff ff ff 00 00 00 00 00 00 40 00"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("request names piece 4294967295, the torrent has 10 pieces");
    }

    @Test
    void refusesAPieceMessageForAPieceOutOfRangeWithoutSlicingIt() {
        assertThatThrownBy(() -> wire.feed("00 00 00 0c 07 00 00 00 0b 00 00 00 00 61 62 63"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("piece names piece 11, the torrent has 10 pieces");
    }

    @Test
    void refusesOffsetsAbove2To31() {
        assertThatThrownBy(() -> wire.feed("00 00 00 0d 08 00 00 00 01 80 00 00 00 00 00 40 00"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("cancel has offset 2147483648");
    }

    @Test
    void refusesRequestsForNothingOrMoreThanABlock() {
        assertThatThrownBy(() -> wire.feed("00 00 00 0d 06 00 00 00 01 00 00 00 00 00 00 00 00"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("request is for 0 bytes, expected 1 to 131072");
        wire.close();
        wire = DecoderChannel.withPieces(10);
        assertThatThrownBy(() -> wire.feed("00 00 00 0d 10 00 00 00 01 00 00 00 00 00 02 00 01"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("reject request is for 131073 bytes, expected 1 to 131072");
    }

    @Test
    void refusesAnExtendedMessageOverItsCap() {
        wire.close();
        wire = new DecoderChannel(new WireDecoder(WireLimits.defaults().withMaxExtendedLength(100)));
        assertThatThrownBy(() -> wire.feed("00 00 00 67 14"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("extended message has length 103, expected 2 to 102");
    }

    @Test
    void withoutAPieceCountBitfieldsAreCappedAndIndexesUnchecked() {
        wire.close();
        wire = new DecoderChannel(new WireDecoder());
        assertThat(wire.decoder.pieceCount()).isEqualTo(-1);
        wire.feed("00 00 00 05 04 7f ff ff ff  00 00 00 04 05 ff ff ff");
        List<WireMessage> decoded = wire.drain();
        assertThat(decoded).containsExactly(new WireMessage.Have(Integer.MAX_VALUE),
                new WireMessage.Bitfield(Hex.bytes("ffffff")));
        assertThatThrownBy(() -> wire.feed("00 10 00 02 05"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("bitfield message has length 1048578, expected 2 to 1048577");
    }

    @Test
    void thePieceCountCanBeLearnedLater() {
        wire.close();
        wire = new DecoderChannel(new WireDecoder());
        wire.feed("00 00 00 05 04 00 00 00 63");
        assertThat(wire.drain()).containsExactly(new WireMessage.Have(99));
        wire.decoder.pieceCount(99);
        assertThatThrownBy(() -> wire.feed("00 00 00 05 04 00 00 00 63"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("have names piece 99, the torrent has 99 pieces");
    }

    @Test
    void skipsAndCountsUnknownMessagesEvenAcrossReads() {
        wire.feed("00 00 00 05 15 01 02");
        wire.feed("03 04 00 00 00 01 02  00 00 00 01 40");
        assertThat(wire.drain()).containsExactly(WireMessage.INTERESTED);
        assertThat(wire.decoder.unknownMessages()).isEqualTo(2);
    }

    @Test
    void refusesAnUnknownMessageLongerThanTheSkipCap() {
        wire.close();
        wire = new DecoderChannel(new WireDecoder(WireLimits.defaults().withMaxUnknownLength(16)));
        wire.feed("00 00 00 11 63" + " 00".repeat(16));
        assertThat(wire.decoder.unknownMessages()).isEqualTo(1);
        assertThatThrownBy(() -> wire.feed("00 00 00 12 63"))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("message id 99 (unknown) has a body of 17 bytes; at most 16 are skipped");
    }

    @Test
    void passesOnWhatCameBeforeAViolationAndDiscardsWhatFollows() {
        assertThatThrownBy(() -> wire.feed("00 00 00 01 01  00 00 00 02 00  00 00 00 01 02"))
                .isInstanceOf(ProtocolViolation.class);
        assertThat(wire.drain()).containsExactly(WireMessage.UNCHOKE);
        wire.feed("00 00 00 01 02");
        assertThat(wire.drain()).isEmpty();
    }

    @Test
    void aPieceIsASliceOfTheReceiveBufferThatItsReceiverReleases() {
        ByteBuf read = Hex.buf("00 00 00 0c 07 00 00 00 02 00 00 80 00 61 62 63");
        wire.channel.writeInbound(read);
        WireMessage.Piece piece = wire.channel.readInbound();
        // The decoder has let go of the read; the piece's slice keeps it alive, with no copy.
        assertThat(read.refCnt()).isEqualTo(1);
        read.setByte(13, 'x');
        assertThat(piece.data().getByte(piece.data().readerIndex())).isEqualTo((byte) 'x');
        assertThat(piece.length()).isEqualTo(3);
        assertThat(piece.release()).isTrue();
        assertThat(read.refCnt()).isZero();
    }

    @Test
    void aPieceNobodyReleasesIsALeakTheTestsCatch() {
        wire.feed("00 00 00 0c 07 00 00 00 02 00 00 80 00 61 62 63");
        WireMessage.Piece piece = wire.channel.readInbound();
        assertThat(piece.refCnt()).isOne();
        piece = null;
        assertThatThrownBy(TestLeaks::assertNoLeaks).isInstanceOf(AssertionError.class).hasMessageContaining("LEAK");
    }
}
