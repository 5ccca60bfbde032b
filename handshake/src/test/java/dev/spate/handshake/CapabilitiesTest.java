package dev.spate.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    @Test
    void extensionProtocolIsBit0x10OfReservedByte5() {
        byte[] reserved = new byte[8];
        reserved[5] = 0x10;
        Capabilities c = Capabilities.fromReserved(reserved);
        assertThat(c.extensionProtocol()).isTrue();
        assertThat(c.fastExtension()).isFalse();
        assertThat(c.dht()).isFalse();
        assertThat(Capabilities.NONE.withExtensionProtocol().toReserved()).isEqualTo(reserved);
    }

    @Test
    void fastExtensionIsBit0x04AndDhtBit0x01OfReservedByte7() {
        byte[] reserved = new byte[8];
        reserved[7] = 0x05;
        Capabilities c = Capabilities.fromReserved(reserved);
        assertThat(c.fastExtension()).isTrue();
        assertThat(c.dht()).isTrue();
        assertThat(c.extensionProtocol()).isFalse();
        assertThat(Capabilities.NONE.withFastExtension().withDht().toReserved()).isEqualTo(reserved);
    }

    @Test
    void unknownBitsSurviveARoundTrip() {
        byte[] reserved = {(byte) 0x80, 1, 2, 3, 4, (byte) 0xff, 6, (byte) 0xf0};
        assertThat(Capabilities.fromReserved(reserved).toReserved()).isEqualTo(reserved);
    }

    @Test
    void sharedCapabilitiesAreThoseBothEndsSet() {
        Capabilities ours = Capabilities.spate();
        Capabilities theirs = Capabilities.NONE.withFastExtension().withDht();
        Capabilities shared = ours.and(theirs);
        assertThat(shared.fastExtension()).isTrue();
        assertThat(shared.extensionProtocol()).isFalse();
        assertThat(shared.dht()).isFalse();
    }

    @Test
    void spateSpeaksTheExtensionProtocolAndTheFastExtension() {
        assertThat(Capabilities.spate().extensionProtocol()).isTrue();
        assertThat(Capabilities.spate().fastExtension()).isTrue();
        assertThat(Capabilities.spate().toString()).contains("extension protocol", "fast extension");
    }

    @Test
    void reservedFieldMustHaveEightBytes() {
        assertThatThrownBy(() -> Capabilities.fromReserved(new byte[7])).hasMessageContaining("8 bytes, not 7");
    }
}
