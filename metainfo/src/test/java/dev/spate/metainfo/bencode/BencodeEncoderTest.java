package dev.spate.metainfo.bencode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BencodeEncoderTest {

    private static String encode(BValue v) {
        return new String(BencodeEncoder.encode(v), StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesCanonicalForms() {
        assertThat(encode(BInteger.of(0))).isEqualTo("i0e");
        assertThat(encode(BInteger.of(-42))).isEqualTo("i-42e");
        assertThat(encode(BInteger.of(Long.MIN_VALUE))).isEqualTo("i-9223372036854775808e");
        assertThat(encode(BString.of(""))).isEqualTo("0:");
        assertThat(encode(BString.of("x".repeat(10)))).isEqualTo("10:" + "x".repeat(10));
        assertThat(encode(BList.of(BInteger.of(1), BString.of("a")))).isEqualTo("li1e1:ae");
    }

    @Test
    void sortsDictionaryKeysAsUnsignedBytes() {
        BDict d = BDict.builder()
                .put(BString.of(new byte[] {(byte) 0x80}), BInteger.of(2))
                .put("b", 1)
                .put("a", "x")
                .build();
        assertThat(encode(d)).isEqualTo("d1:a1:x1:bi1e1:\u0080i2ee");
    }

    @Test
    void aRepeatedBuilderKeyReplacesTheEarlierValue() {
        assertThat(encode(BDict.builder().put("a", 1).put("a", 2).build())).isEqualTo("d1:ai2ee");
    }

    @Test
    void reencodesAStringThatIsAViewOfALargerInput() {
        BList l = (BList) BencodeDecoder.strict().decode("l3:abc2:dee".getBytes(StandardCharsets.US_ASCII));
        assertThat(encode(l.get(1))).isEqualTo("2:de");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BencodeEncoder.encode(l, out);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("l3:abc2:dee");
    }
}
