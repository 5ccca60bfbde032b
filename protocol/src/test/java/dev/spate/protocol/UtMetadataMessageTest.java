package dev.spate.protocol;

import static dev.spate.protocol.ExtensionHandshakeTest.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UtMetadataMessageTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void requestAndRejectAreTheDictionariesOfBep9() {
        assertThat(text(new UtMetadataMessage.Request(0).encode())).isEqualTo("d8:msg_typei0e5:piecei0ee");
        assertThat(text(new UtMetadataMessage.Reject(0).encode())).isEqualTo("d8:msg_typei2e5:piecei0ee");
        assertThat(UtMetadataMessage.decode(ascii("d8:msg_typei0e5:piecei0ee"))).hasValue(new UtMetadataMessage.Request(0));
        assertThat(UtMetadataMessage.decode(ascii("d8:msg_typei2e5:piecei7ee"))).hasValue(new UtMetadataMessage.Reject(7));
    }

    @Test
    void dataIsTheDictionaryThenTheMetadataPiece() {
        byte[] block = new byte[16384];
        Arrays.fill(block, (byte) 'e'); // bytes that look like bencode must not confuse the split
        byte[] payload = concat(ascii("d8:msg_typei1e5:piecei0e10:total_sizei34256ee"), block);
        UtMetadataMessage.Data data = new UtMetadataMessage.Data(0, 34256, block);
        assertThat(data.encode()).isEqualTo(payload);
        assertThat(UtMetadataMessage.decode(payload)).hasValue(data);
    }

    @Test
    void theLastPieceIsShorter() {
        byte[] tail = new byte[34256 - 2 * 16384];
        UtMetadataMessage.Data last = new UtMetadataMessage.Data(2, 34256, tail);
        assertThat(UtMetadataMessage.decode(last.encode())).hasValue(last);
        assertThatThrownBy(() -> new UtMetadataMessage.Data(2, 34256, new byte[16384]))
                .hasMessage("metadata piece 2 of 34256 bytes has 1488 bytes, not 16384");
        assertThatThrownBy(() -> new UtMetadataMessage.Data(3, 34256, new byte[0]))
                .hasMessage("no piece 3 in metadata of 34256 bytes");
    }

    @Test
    void anUnknownMessageTypeIsIgnored() {
        assertThat(UtMetadataMessage.decode(ascii("d8:msg_typei3e5:piecei0ee"))).isEmpty();
        assertThat(UtMetadataMessage.decode(ascii("d8:msg_typei9ee"))).isEmpty();
    }

    static List<Arguments> malformed() {
        String data = "d8:msg_typei1e5:piecei1e10:total_sizei20000ee";
        return List.of(
                Arguments.of("", "ut_metadata: the bencoded dictionary is not closed"),
                Arguments.of("d9:msg_type", "ut_metadata: a string of 9 bytes runs past the end"),
                Arguments.of("d5:piecei0ee", "ut_metadata: msg_type is missing"),
                Arguments.of("d8:msg_typei0ee", "ut_metadata: piece is missing"),
                Arguments.of("d8:msg_typei0e5:piecei-1ee", "ut_metadata: piece is -1, expected 0 to 131071"),
                Arguments.of("d8:msg_typei0e5:piecei0eexyz", "ut_metadata: request has 3 bytes after its dictionary"),
                Arguments.of("d8:msg_typei1e5:piecei0ee", "ut_metadata: total_size is missing"),
                Arguments.of(data + "x".repeat(3615), "ut_metadata: piece 1 of 20000 bytes carries 3615 bytes, expected 3616"),
                Arguments.of("d8:msg_typei1e5:piecei2e10:total_sizei20000ee", "ut_metadata: piece 2 is past the end of 20000 bytes"),
                Arguments.of("d8:msg_type5:piecei0ee", "ut_metadata: bencode error"),
                Arguments.of("l" + "l".repeat(40), "ut_metadata: bencode nested deeper than 32 levels"),
                Arguments.of("x", "ut_metadata: unexpected byte 0x78 at 0 in bencode"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesMalformedMessagesWithAReason(String payload, String reason) {
        assertThatThrownBy(() -> UtMetadataMessage.decode(ascii(payload)))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessageStartingWith(reason);
    }
}
