package dev.spate.metainfo.bencode;

import static org.assertj.core.api.Assertions.assertThat;

import bt.bencoding.BEType;
import bt.bencoding.model.BEObject;
import bt.bencoding.serializers.BEParser;
import bt.bencoding.types.BEInteger;
import bt.bencoding.types.BEList;
import bt.bencoding.types.BEMap;
import bt.bencoding.types.BEString;
import dev.spate.metainfo.testing.Corpus;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Feeds the same documents to spate's decoder and to bt-bencoding (a test-scope oracle) and
 * compares what they decode. Only valid documents go to bt-bencoding: it allocates whatever a
 * string declares, so a hostile length would exhaust the heap.
 *
 * <p>Where bt-bencoding is wrong the test says so and checks spate against the ground truth:
 * it turns dictionary keys into Java Strings, so a key that is not valid UTF-8 comes back with
 * U+FFFD in it and two distinct keys can even collapse into one.
 */
class BencodeDifferentialTest {

    @Provide
    Arbitrary<BValue> textKeyed() {
        return BValueArbitraries.valuesWithTextKeys(4);
    }

    @Property(tries = 1000)
    void agreesWithBtBencodingOnValidDocuments(@ForAll("textKeyed") BValue value) {
        byte[] doc = BencodeEncoder.encode(value);
        assertSame(BencodeDecoder.strict().decode(doc), oracle(doc), "$");
    }

    @Test
    void agreesWithBtBencodingOnTheUpstreamCorpus() {
        Path corpus = Corpus.upstreamTorrents().orElse(null);
        if (corpus == null) {
            System.out.println("corpus differential test skipped: shared/upstream-torrents not found beside the checkout");
        }
        Assumptions.assumeTrue(corpus != null, "shared/upstream-torrents not found beside the checkout");
        int compared = 0;
        for (Path file : Corpus.torrentsIn(corpus)) {
            byte[] doc = Corpus.read(file);
            BencodeDecoder.Result ours;
            try {
                ours = BencodeDecoder.lenient().decodeWithViolations(doc);
            } catch (BencodeException e) {
                continue; // not bencode: never handed to the oracle (it may trust a hostile length)
            }
            if (!ours.violations().isEmpty() || hasNonUtf8Key(ours.value())) {
                continue; // duplicate or unsorted keys: the two keep different entries by design
            }
            assertSame(ours.value(), oracle(doc), file.getFileName().toString());
            compared++;
        }
        assertThat(compared).as("corpus files compared").isGreaterThan(50);
    }

    @Test
    void btBencodingManglesNonUtf8KeysAndSpateKeepsTheBytes() {
        byte[] doc = bytes("d1:\u00fei2e1:\u00ffi1ee"); // keys 0xfe and 0xff: not UTF-8
        BDict ours = (BDict) BencodeDecoder.strict().decode(doc);
        assertThat(ours.size()).isEqualTo(2);
        assertThat(ours.get(BString.of(new byte[] {(byte) 0xfe}))).isEqualTo(BInteger.of(2));
        assertThat(ours.get(BString.of(new byte[] {(byte) 0xff}))).isEqualTo(BInteger.of(1));

        BEMap theirs = (BEMap) oracle(doc);
        // Both keys became "\uFFFD": bt-bencoding lost one of the two entries.
        assertThat(theirs.getValue().keySet()).containsExactly("\uFFFD");
    }

    private static boolean hasNonUtf8Key(BValue v) {
        if (v instanceof BList l) {
            return l.items().stream().anyMatch(BencodeDifferentialTest::hasNonUtf8Key);
        }
        if (v instanceof BDict d) {
            for (int i = 0; i < d.size(); i++) {
                if (!d.keyAt(i).isUtf8() || hasNonUtf8Key(d.valueAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BEObject<?> oracle(byte[] doc) {
        try (BEParser parser = new BEParser(doc)) {
            BEType type = parser.readType();
            switch (type) {
                case STRING: return parser.readString();
                case INTEGER: return parser.readInteger();
                case LIST: return parser.readList();
                default: return parser.readMap();
            }
        }
    }

    private static void assertSame(BValue ours, BEObject<?> theirs, String where) {
        if (ours instanceof BString s) {
            assertThat(theirs).as(where).isInstanceOf(BEString.class);
            assertThat(s.toByteArray()).as(where).isEqualTo(((BEString) theirs).getValue());
        } else if (ours instanceof BInteger i) {
            assertThat(theirs).as(where).isInstanceOf(BEInteger.class);
            assertThat(new BigInteger(theirs.getValue().toString())).as(where).isEqualTo(BigInteger.valueOf(i.value()));
        } else if (ours instanceof BList l) {
            assertThat(theirs).as(where).isInstanceOf(BEList.class);
            List<? extends BEObject<?>> items = ((BEList) theirs).getValue();
            assertThat(items).as(where).hasSize(l.size());
            for (int k = 0; k < l.size(); k++) {
                assertSame(l.get(k), items.get(k), where + "[" + k + "]");
            }
        } else {
            BDict d = (BDict) ours;
            assertThat(theirs).as(where).isInstanceOf(BEMap.class);
            Map<String, BEObject<?>> map = ((BEMap) theirs).getValue();
            assertThat(map).as(where).hasSize(d.size());
            for (int k = 0; k < d.size(); k++) {
                String key = d.keyAt(k).asUtf8();
                assertThat(map).as(where).containsKey(key);
                assertSame(d.valueAt(k), map.get(key), where + "." + key);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
