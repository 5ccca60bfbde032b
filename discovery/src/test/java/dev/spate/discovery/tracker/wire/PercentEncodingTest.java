package dev.spate.discovery.tracker.wire;

import static dev.spate.discovery.tracker.wire.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void encodesEachByteOnItsOwnAndLeavesUnreservedCharactersAlone() {
        // The example of the BitTorrent specification wiki: 0x12 '4' 'V' 'x' 0x9a ...
        byte[] hash = hex("123456789abcdef123456789abcdef123456789a");
        assertThat(PercentEncoding.encode(hash)).isEqualTo("%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A");
    }

    @Test
    void encodesReservedAsciiAndSpace() {
        assertThat(PercentEncoding.encode("a b&c=d/~-._+%".getBytes())).isEqualTo("a%20b%26c%3Dd%2F~-._%2B%25");
        assertThat(PercentEncoding.encode(hex("00 ff"))).isEqualTo("%00%FF");
    }

    @Test
    void decodesEscapesPlusAndPlainCharacters() {
        assertThat(PercentEncoding.decode("%124Vx%9a+z", 0, 11)).isEqualTo(hex("12 34 56 78 9a 20 7a"));
        assertThat(PercentEncoding.decode("xx%41yy", 2, 5)).isEqualTo(hex("41"));
    }

    @Test
    void rejectsBrokenEscapes() {
        assertThatThrownBy(() -> PercentEncoding.decode("ab%4", 0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'%' at 2");
        assertThatThrownBy(() -> PercentEncoding.decode("%zz", 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PercentEncoding.decode("\u0100", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
