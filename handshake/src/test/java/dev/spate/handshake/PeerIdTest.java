package dev.spate.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeerIdTest {

    private static PeerId id(String text) {
        return PeerId.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void randomIdsAreAzureusStyleWithTwelvePrintableRandomBytes() {
        PeerId id = PeerId.random(new Random(7));
        byte[] bytes = id.toByteArray();
        assertThat(bytes).hasSize(20);
        assertThat(new String(bytes, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("-SP0100-");
        for (int i = 8; i < 20; i++) {
            assertThat((char) bytes[i]).matches(c -> Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
        }
        assertThat(PeerId.random()).isNotEqualTo(PeerId.random());
        assertThat(id.client()).isEqualTo("spate 0.1");
    }

    @Test
    void seededRandomIdsRepeat() {
        assertThat(PeerId.random(new Random(1))).isEqualTo(PeerId.random(new Random(1)));
    }

    @Test
    void namesAzureusStyleClients() {
        assertThat(id("-LT2090-abcdefghijkl").client()).isEqualTo("libtorrent 2.0.9");
        assertThat(id("-qB4620-abcdefghijkl").client()).isEqualTo("qBittorrent 4.6.2");
        assertThat(id("-AZ2060-abcdefghijkl").client()).isEqualTo("Azureus 2.0.6");
        assertThat(id("-ZZ1000-abcdefghijkl").client()).isEqualTo("ZZ 1.0");
    }

    @Test
    void namesMainlineAndShadowStyleClients() {
        assertThat(id("M4-3-6--abcdefghijkl").client()).isEqualTo("Mainline 4.3.6");
        assertThat(id("M4-20-8-abcdefghijkl").client()).isEqualTo("Mainline 4.20.8");
        assertThat(id("S58B-----abcdefghijk").client()).isEqualTo("Shadow's client 5.8.11");
        assertThat(id("T03I--------abcdefgh").client()).isEqualTo("BitTornado 0.3.18");
    }

    @Test
    void anythingElseIsUnknown() {
        byte[] raw = new byte[20];
        raw[0] = 1;
        assertThat(PeerId.of(raw).client()).startsWith("unknown");
        assertThat(id("exbc-abcdefghijklmno").client()).isEqualTo("unknown (exbc-abc)");
    }

    @Test
    void toStringEscapesUnprintableBytes() {
        byte[] raw = "-SP0100-abcdefghijkl".getBytes(StandardCharsets.US_ASCII);
        raw[19] = 0;
        assertThat(PeerId.of(raw).toString()).isEqualTo("-SP0100-abcdefghijk%00");
    }

    @Test
    void aPeerIdHasTwentyBytesAndIsCopied() {
        assertThatThrownBy(() -> PeerId.of(new byte[19])).hasMessageContaining("20 bytes, not 19");
        byte[] raw = new byte[20];
        PeerId id = PeerId.of(raw);
        raw[0] = 9;
        assertThat(id.toByteArray()[0]).isZero();
    }
}
