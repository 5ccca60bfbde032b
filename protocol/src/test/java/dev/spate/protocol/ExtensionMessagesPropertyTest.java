package dev.spate.protocol;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever bytes a peer sends, the extension decoders answer with a message or a ProtocolViolation. */
class ExtensionMessagesPropertyTest {

    @Provide
    Arbitrary<byte[]> payloads() {
        // Mostly bencode-like bytes, so that the decoders get past the first character.
        Arbitrary<String> tokens = Arbitraries.of("d", "l", "e", "i", "0", "1", "5", ":", "-", "1:m", "6:ut_pex",
                "8:msg_type", "5:piece", "10:total_size", "5:added", "7:added.f", "i3e", "i-1e", "4:abcd", "x");
        return tokens.list().ofMaxSize(40).map(t -> String.join("", t).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 2000)
    void extensionHandshakeDecodingOnlyEverViolates(@ForAll("payloads") byte[] payload) {
        assertOnlyViolations(() -> ExtensionHandshake.decode(payload));
    }

    @Property(tries = 2000)
    void utMetadataDecodingOnlyEverViolates(@ForAll("payloads") byte[] payload) {
        assertOnlyViolations(() -> UtMetadataMessage.decode(payload));
    }

    @Property(tries = 2000)
    void utPexDecodingOnlyEverViolates(@ForAll("payloads") byte[] payload) {
        assertOnlyViolations(() -> UtPexMessage.decode(payload));
    }

    @Property(tries = 500)
    void randomBytesOnlyEverViolate(@ForAll byte[] payload) {
        assertOnlyViolations(() -> ExtensionHandshake.decode(payload));
        assertOnlyViolations(() -> UtMetadataMessage.decode(payload));
        assertOnlyViolations(() -> UtPexMessage.decode(payload));
    }

    /** Any exception but a ProtocolViolation escapes and fails the property. */
    private static void assertOnlyViolations(Runnable decode) {
        try {
            decode.run();
        } catch (ProtocolViolation expected) {
            // a clear refusal is what malformed input should get
        }
    }
}
