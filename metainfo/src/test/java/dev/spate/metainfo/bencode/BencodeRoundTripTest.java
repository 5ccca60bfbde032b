package dev.spate.metainfo.bencode;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BencodeRoundTripTest {

    @Provide
    Arbitrary<BValue> values() {
        return BValueArbitraries.values(4);
    }

    @Property(tries = 2000)
    void decodeOfEncodeIsIdentity(@ForAll("values") BValue value) {
        byte[] encoded = BencodeEncoder.encode(value);
        BencodeDecoder.Result r = BencodeDecoder.strict().decodeWithViolations(encoded);
        assertThat(r.value()).isEqualTo(value);
        assertThat(r.violations()).isEmpty();
        assertThat(BencodeEncoder.size(value)).isEqualTo(encoded.length);
    }

    @Property(tries = 500)
    void encodingADecodedValueGivesBackTheSameBytes(@ForAll("values") BValue value) {
        byte[] encoded = BencodeEncoder.encode(value);
        BValue decoded = BencodeDecoder.strict().decode(encoded);
        assertThat(BencodeEncoder.encode(decoded)).isEqualTo(encoded);
        assertThat(decoded.start()).isZero();
        assertThat(decoded.end()).isEqualTo(encoded.length);
    }

    @Property(tries = 500)
    void everyChildSpanReencodesToItsOwnBytes(@ForAll("values") BValue value) {
        byte[] encoded = BencodeEncoder.encode(value);
        checkSpans(BencodeDecoder.strict().decode(encoded), encoded);
    }

    private static void checkSpans(BValue v, byte[] doc) {
        byte[] own = java.util.Arrays.copyOfRange(doc, v.start(), v.end());
        assertThat(BencodeEncoder.encode(v)).isEqualTo(own);
        if (v instanceof BList l) {
            l.items().forEach(c -> checkSpans(c, doc));
        } else if (v instanceof BDict d) {
            for (int i = 0; i < d.size(); i++) {
                checkSpans(d.keyAt(i), doc);
                checkSpans(d.valueAt(i), doc);
            }
        }
    }

    @Property(tries = 1000)
    void lenientAgreesWithStrictOnCanonicalInput(@ForAll("values") BValue value) {
        byte[] encoded = BencodeEncoder.encode(value);
        BencodeDecoder.Result r = BencodeDecoder.lenient().decodeWithViolations(encoded);
        assertThat(r.value()).isEqualTo(value);
        assertThat(r.violations()).isEmpty();
    }
}
