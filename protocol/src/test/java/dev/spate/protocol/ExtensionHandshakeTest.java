package dev.spate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExtensionHandshakeTest {

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesTheExampleOfBep10() {
        // BEP 10's example, with the string lengths made right ("\xc2\xb5Torrent 1.2" is 13 bytes).
        ExtensionHandshake h = ExtensionHandshake.decode(
                ascii("d1:md11:LT_metadatai1e6:ut_pexi2ee1:pi6881e1:v13:\u00c2\u00b5Torrent 1.2e"));
        assertThat(h.extensions()).isEqualTo(Map.of("LT_metadata", 1, "ut_pex", 2));
        assertThat(h.extensionId("ut_pex")).isEqualTo(2);
        assertThat(h.extensionId("ut_metadata")).isZero();
        assertThat(h.listenPort()).hasValue(6881);
        assertThat(h.client()).hasValue("µTorrent 1.2");
        assertThat(h.requestQueueLength()).isEmpty();
        assertThat(h.uploadOnly()).isFalse();
    }

    @Test
    void decodesTheMetadataSizeOfBep9AndUploadOnlyOfBep21() {
        ExtensionHandshake h = ExtensionHandshake.decode(
                ascii("d1:md11:ut_metadatai3ee13:metadata_sizei31235e11:upload_onlyi1ee"));
        assertThat(h.extensionId(ExtensionHandshake.UT_METADATA)).isEqualTo(3);
        assertThat(h.metadataSize()).hasValue(31235);
        assertThat(h.uploadOnly()).isTrue();
    }

    @Test
    void decodesYourIpReqqAndEncryption() throws Exception {
        ExtensionHandshake v4 = ExtensionHandshake.decode(ascii("d1:ei1e4:reqqi250e6:yourip4:\u007f\u0000\u0000\u0001e"));
        assertThat(v4.yourIp()).hasValue(InetAddress.getByName("127.0.0.1"));
        assertThat(v4.requestQueueLength()).hasValue(250);
        assertThat(v4.prefersEncryption()).isTrue();
        assertThat(v4.extensions()).isEmpty();
        ExtensionHandshake v6 = ExtensionHandshake.decode(ascii("d6:yourip16:" + "\u0000".repeat(15) + "\u0001e"));
        assertThat(v6.yourIp()).hasValue(InetAddress.getByName("::1"));
    }

    @Test
    void ignoresUnknownKeysAndToleratesUnsortedOnes() {
        ExtensionHandshake h = ExtensionHandshake.decode(
                ascii("d1:v4:test12:complete_agoi-1e4:ipv44:abcd1:md6:ut_pexi0e11:ut_metadatai2eee"));
        assertThat(h.client()).hasValue("test");
        assertThat(h.extensionId("ut_pex")).as("0 disables").isZero();
        assertThat(h.extensions()).containsEntry("ut_pex", 0).containsEntry("ut_metadata", 2);
    }

    @Test
    void aPortOfZeroSaysNothing() {
        assertThat(ExtensionHandshake.decode(ascii("d1:pi0ee")).listenPort()).isEmpty();
    }

    @Test
    void encodesCanonicalBencode() throws Exception {
        ExtensionHandshake h = ExtensionHandshake.empty()
                .withExtension("ut_metadata", 1).withExtension("ut_pex", 2)
                .withClient("spate 0.1").withListenPort(6881).withRequestQueueLength(500)
                .withYourIp(InetAddress.getByName("127.0.0.1")).withMetadataSize(1234)
                .withUploadOnly(true).withPrefersEncryption(true);
        assertThat(new String(h.encode(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "d1:ei1e1:md11:ut_metadatai1e6:ut_pexi2ee13:metadata_sizei1234e1:pi6881e4:reqqi500e"
                        + "11:upload_onlyi1e1:v9:spate 0.16:yourip4:\u007f\u0000\u0000\u0001e");
        assertThat(ExtensionHandshake.decode(h.encode())).isEqualTo(h);
    }

    @Test
    void anEmptyHandshakeIsAnEmptyM() {
        assertThat(new String(ExtensionHandshake.empty().encode(), StandardCharsets.US_ASCII)).isEqualTo("d1:mdee");
        assertThat(ExtensionHandshake.decode(ascii("de"))).isEqualTo(ExtensionHandshake.empty());
    }

    @Test
    void refusesExtensionIdsOutsideAByteWhenBuilding() {
        assertThatThrownBy(() -> ExtensionHandshake.empty().withExtension("x", 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ExtensionHandshake.empty().withExtension("x", 255).extensionId("x")).isEqualTo(255);
        assertThat(ExtensionHandshake.empty().withClient("c").client()).isEqualTo(Optional.of("c"));
        assertThat(ExtensionHandshake.empty().listenPort()).isEqualTo(OptionalInt.empty());
    }

    static List<Arguments> malformed() {
        return List.of(
                Arguments.of("", "extension handshake: bencode error at byte 0: empty input"),
                Arguments.of("d1:md", "extension handshake: bencode error at byte 4: input ends inside a dictionary"),
                Arguments.of("li1ee", "extension handshake: expected a dictionary, got a list"),
                Arguments.of("d1:mi1ee", "extension handshake: m should be a dictionary, not a integer"),
                Arguments.of("d1:md6:ut_pexi256eee", "extension handshake: m.ut_pex is 256, expected an id from 0 to 255"),
                Arguments.of("d1:md6:ut_pex1:xee", "extension handshake: m.ut_pex is \"x\", expected an id from 0 to 255"),
                Arguments.of("d1:pi65536ee", "extension handshake: p is 65536, expected 0 to 65535"),
                Arguments.of("d1:vi1ee", "extension handshake: v should be a string, not a integer"),
                Arguments.of("d4:reqqi0ee", "extension handshake: reqq is 0, expected 1 to 2147483647"),
                Arguments.of("d13:metadata_sizei-5ee", "extension handshake: metadata_size is -5, expected 1 to 2147483647"),
                Arguments.of("d6:yourip5:abcdee", "extension handshake: yourip has 5 bytes, expected 4 or 16"),
                Arguments.of("d1:pi1eexx", "extension handshake: bencode error at byte 8: 2 bytes after the end"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesMalformedDictionariesWithAReason(String payload, String reason) {
        assertThatThrownBy(() -> ExtensionHandshake.decode(ascii(payload)))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessageStartingWith(reason);
    }
}
