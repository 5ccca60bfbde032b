package dev.spate.metainfo.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.metainfo.MetainfoException;
import dev.spate.metainfo.bencode.BencodeDecoder.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BencodeDecoderTest {

    /** Latin-1 keeps every char below 256 as one byte, so tests can write raw bytes as text. */
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static BValue strict(String s) {
        return BencodeDecoder.strict().decode(bytes(s));
    }

    static BencodeDecoder.Result lenient(String s) {
        return BencodeDecoder.lenient().decodeWithViolations(bytes(s));
    }

    static void assertError(String input, int offset, String reason) {
        assertThatThrownBy(() -> strict(input))
                .isInstanceOf(BencodeException.class)
                .isInstanceOf(MetainfoException.class)
                .satisfies(e -> {
                    BencodeException b = (BencodeException) e;
                    assertThat(b.offset()).as("offset").isEqualTo(offset);
                    assertThat(b.reason()).as("reason").isEqualTo(reason);
                    assertThat(b.getMessage()).isEqualTo("bencode error at byte " + offset + ": " + reason);
                });
    }

    @Nested
    class CorrectInput {
        @Test
        void decodesEachType() {
            assertThat(strict("4:spam")).isEqualTo(BString.of("spam"));
            assertThat(strict("0:")).isEqualTo(BString.of(""));
            assertThat(strict("i3e")).isEqualTo(BInteger.of(3));
            assertThat(strict("i-3e")).isEqualTo(BInteger.of(-3));
            assertThat(strict("i0e")).isEqualTo(BInteger.of(0));
            assertThat(strict("l4:spam4:eggse")).isEqualTo(BList.of(BString.of("spam"), BString.of("eggs")));
            assertThat(strict("le")).isEqualTo(BList.of());
            assertThat(strict("de")).isEqualTo(BDict.builder().build());
            assertThat(strict("d3:cow3:moo4:spam4:eggse"))
                    .isEqualTo(BDict.builder().put("cow", "moo").put("spam", "eggs").build());
            assertThat(strict("d4:spaml1:a1:bee")).isEqualTo(
                    BDict.builder().put("spam", BList.of(BString.of("a"), BString.of("b"))).build());
        }

        @Test
        void integersUseAll64Bits() {
            assertThat(strict("i9223372036854775807e")).isEqualTo(BInteger.of(Long.MAX_VALUE));
            assertThat(strict("i-9223372036854775808e")).isEqualTo(BInteger.of(Long.MIN_VALUE));
        }

        @Test
        void stringsAreBytesNotText() {
            BString s = (BString) strict("3:\u00ff\u0000\u0080");
            assertThat(s.toByteArray()).containsExactly(0xff, 0x00, 0x80);
            assertThat(s.isUtf8()).isFalse();
            assertThat(s.toString()).isEqualTo("0xff0080");
        }

        @Test
        void keysAreComparedAsUnsignedBytes() {
            // 0x7f sorts before 0x80 unsigned (it would not as signed Java bytes).
            BDict d = (BDict) strict("d1:\u007fi1e1:\u0080i2ee");
            assertThat(d.size()).isEqualTo(2);
            assertThat(d.get(BString.of(new byte[] {(byte) 0x80}))).isEqualTo(BInteger.of(2));
        }

        @Test
        void decodesARangeOfALargerArray() {
            byte[] in = bytes("xxi42eyy");
            BencodeDecoder.Result r = BencodeDecoder.strict().decode(in, 2, 6);
            assertThat(r.value()).isEqualTo(BInteger.of(42));
            assertThat(r.value().start()).isEqualTo(2);
            assertThat(r.value().end()).isEqualTo(6);
        }
    }

    @Nested
    class Spans {
        @Test
        void everyDecodedValueKnowsItsBytes() {
            String doc = "d4:infod6:lengthi5ee4:listl0:i-1eee";
            BDict root = (BDict) strict(doc);
            assertThat(root.start()).isEqualTo(0);
            assertThat(root.end()).isEqualTo(doc.length());
            BDict info = (BDict) root.get("info");
            assertThat(doc.substring(info.start(), info.end())).isEqualTo("d6:lengthi5ee");
            BValue length = info.get("length");
            assertThat(doc.substring(length.start(), length.end())).isEqualTo("i5e");
            BList list = (BList) root.get("list");
            assertThat(doc.substring(list.start(), list.end())).isEqualTo("l0:i-1ee");
            assertThat(doc.substring(list.get(0).start(), list.get(0).end())).isEqualTo("0:");
            assertThat(doc.substring(root.keyAt(0).start(), root.keyAt(0).end())).isEqualTo("4:info");
        }

        @Test
        void lenientDictionaryKeepsTheSpanOfTheBytesAsWritten() {
            String doc = "d4:infod1:bi1e1:ai2eee";
            BDict info = (BDict) ((BDict) lenient(doc).value()).get("info");
            assertThat(doc.substring(info.start(), info.end())).isEqualTo("d1:bi1e1:ai2ee");
            assertThat(info.keyAt(0)).isEqualTo(BString.of("a"));
        }

        @Test
        void builtValuesHaveNoSpan() {
            assertThat(BString.of("x").start()).isEqualTo(-1);
            assertThat(BList.of().end()).isEqualTo(-1);
        }
    }

    @Nested
    class InvalidInput {
        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "''|0|empty input",
            "x|0|unexpected byte 'x' where a value should start",
            "e|0|unexpected byte 'e' where a value should start",
            "i|0|input ends inside an integer",
            "i12|0|input ends inside an integer",
            "ie|0|integer has no digits",
            "i-e|0|integer has no digits",
            "i1x2e|2|unexpected byte 'x' in an integer",
            "i--1e|2|unexpected byte '-' in an integer",
            "i+1e|1|unexpected byte '+' in an integer",
            "i 1e|1|unexpected byte 0x20 in an integer",
            "4|1|input ends inside a string length",
            "4spam|1|unexpected byte 's' in a string length",
            "-1:a|0|unexpected byte '-' where a value should start",
            "4:spa|0|string length 4 exceeds the 3 bytes that remain",
            "l|0|input ends inside a list that starts here",
            "li1e|0|input ends inside a list that starts here",
            "d|0|input ends inside a dictionary that starts here",
            "d1:a|4|input ends after dictionary key \"a\"",
            "di1ei2ee|1|dictionary key must be a string, found 'i'",
            "dle|1|dictionary key must be a string, found 'l'",
            "d1:ai1e1:be|10|unexpected byte 'e' where a value should start",
            "l:e|1|unexpected byte ':' where a value should start",
        })
        void namesTheOffsetAndTheReason(String input, int offset, String reason) {
            assertError(input, offset, reason);
        }

        @Test
        void aStringLongerThanTheInputFailsBeforeAnythingIsAllocated() {
            assertError("2000000000:x", 0, "string length 2000000000 exceeds the 1 bytes that remain");
            assertError("l2000000000:xe", 1, "string length 2000000000 exceeds the 2 bytes that remain");
            assertError("99999999999999999999999999:", 0, "string length with 26 digits exceeds the 0 bytes that remain");
            assertError("9223372036854775808:", 0, "string length 9223372036854775808 exceeds the 0 bytes that remain"
                    .replace("9223372036854775808", "with 19 digits"));
        }

        @Test
        void aLengthOfManyDigitsIsScannedInLinearTime() {
            byte[] in = new byte[5_000_000];
            java.util.Arrays.fill(in, (byte) '9');
            assertThatThrownBy(() -> BencodeDecoder.strict().decode(in))
                    .hasMessage("bencode error at byte 5000000: input ends inside a string length");
        }

        @Test
        void trailingBytesAfterTheRootAreRejected() {
            assertError("i1ei2e", 3, "3 bytes after the end of the root value");
            assertError("de\n", 2, "1 bytes after the end of the root value");
        }
    }

    @Nested
    class CanonicalIntegers {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "i-0e|negative zero is not canonical",
            "i03e|integer has a leading zero",
            "i00e|integer has a leading zero",
            "i-03e|negative zero is not canonical",
            "i9223372036854775808e|integer does not fit in 64 bits",
            "i-9223372036854775809e|integer does not fit in 64 bits",
            "i99999999999999999999999e|integer does not fit in 64 bits",
        })
        void rejected(String input, String reason) {
            assertError(input, 0, reason);
        }

        @Test
        void reportedAtTheIntegerNotTheRoot() {
            assertError("li1ei-0ee", 4, "negative zero is not canonical");
        }
    }

    @Nested
    class Depth {
        @Test
        void defaultLimitIs256Levels() {
            String ok = "l".repeat(256) + "e".repeat(256);
            assertThat(BencodeDecoder.strict().decode(bytes(ok))).isInstanceOf(BList.class);
            String tooDeep = "l".repeat(257) + "e".repeat(257);
            assertError(tooDeep, 256, "nesting deeper than 256 levels");
        }

        @Test
        void dictionariesCountToo() {
            BencodeDecoder d = BencodeDecoder.strict().withMaxDepth(2);
            assertThatThrownBy(() -> d.decode(bytes("d1:ald1:ai1eeee")))
                    .hasMessage("bencode error at byte 5: nesting deeper than 2 levels");
        }

        @Test
        void limitIsConfigurable() {
            BencodeDecoder d = BencodeDecoder.strict().withMaxDepth(2);
            assertThat(d.decode(bytes("lli1eee"))).isEqualTo(BList.of(BList.of(BInteger.of(1))));
            assertThatThrownBy(() -> d.decode(bytes("llleee")))
                    .hasMessage("bencode error at byte 2: nesting deeper than 2 levels");
            assertThatThrownBy(() -> d.decode(bytes("d1:ad1:bdeee")))
                    .hasMessage("bencode error at byte 8: nesting deeper than 2 levels");
            assertThatThrownBy(() -> BencodeDecoder.strict().withMaxDepth(0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aMillionOpeningBracketsFailWithoutAStackOverflow() {
            byte[] in = new byte[1_000_000];
            java.util.Arrays.fill(in, (byte) 'l');
            assertThatThrownBy(() -> BencodeDecoder.lenient().decode(in))
                    .hasMessage("bencode error at byte 256: nesting deeper than 256 levels");
        }
    }

    @Nested
    class StrictAndLenient {
        @Test
        void strictRejectsUnsortedKeys() {
            assertError("d1:bi1e1:ai2ee", 7, "dictionary key \"a\" is out of order");
        }

        @Test
        void strictRejectsDuplicateKeys() {
            assertError("d1:ai1e1:ai2ee", 7, "duplicate dictionary key \"a\"");
        }

        @Test
        void strictRejectsLeadingZerosInStringLengths() {
            assertError("04:spam", 0, "string length has a leading zero");
        }

        @Test
        void lenientSortsAndRecordsUnsortedKeys() {
            BencodeDecoder.Result r = lenient("d1:bi1e1:ai2e1:ci3ee");
            BDict d = (BDict) r.value();
            assertThat(d.keyAt(0)).isEqualTo(BString.of("a"));
            assertThat(d.keyAt(1)).isEqualTo(BString.of("b"));
            assertThat(d.keyAt(2)).isEqualTo(BString.of("c"));
            assertThat(r.violations()).containsExactly(new Violation(Violation.Kind.UNSORTED_KEYS, 7));
        }

        @Test
        void lenientKeepsTheFirstOfDuplicateKeysAndRecordsTheRepeat() {
            BencodeDecoder.Result r = lenient("d1:ai1e1:ai2ee");
            assertThat(((BDict) r.value()).get("a")).isEqualTo(BInteger.of(1));
            assertThat(((BDict) r.value()).size()).isEqualTo(1);
            assertThat(r.violations()).containsExactly(new Violation(Violation.Kind.DUPLICATE_KEY, 7));
        }

        @Test
        void lenientFindsDuplicatesThatAreNotNeighbours() {
            // a, b, a: the second "a" is out of order and also a duplicate of the first.
            BencodeDecoder.Result r = lenient("d1:ai1e1:bi2e1:ai3ee");
            BDict d = (BDict) r.value();
            assertThat(d.size()).isEqualTo(2);
            assertThat(d.get("a")).isEqualTo(BInteger.of(1));
            assertThat(r.violations()).containsExactlyInAnyOrder(
                    new Violation(Violation.Kind.UNSORTED_KEYS, 13),
                    new Violation(Violation.Kind.DUPLICATE_KEY, 13));
        }

        @Test
        void eachDictionaryRecordsOneViolationOfEachKind() {
            BencodeDecoder.Result r = lenient("ld1:ci0e1:bi0e1:ai0e1:ai0e1:ai0eed1:bi0e1:ai0eee");
            assertThat(r.violations()).containsExactly(
                    new Violation(Violation.Kind.UNSORTED_KEYS, 8),
                    new Violation(Violation.Kind.DUPLICATE_KEY, 20),
                    new Violation(Violation.Kind.UNSORTED_KEYS, 40));
        }

        @Test
        void lenientAcceptsLeadingZerosInStringLengths() {
            BencodeDecoder.Result r = lenient("l04:spame");
            assertThat(r.value()).isEqualTo(BList.of(BString.of("spam")));
            assertThat(r.violations())
                    .containsExactly(new Violation(Violation.Kind.NON_CANONICAL_STRING_LENGTH, 1));
            assertThat(r.violations().get(0)).hasToString("non canonical string length at byte 1");
        }

        @Test
        void lenientStillRejectsWhatNoTorrentNeeds() {
            for (String bad : List.of("i-0e", "i03e", "4:abc", "di1ei1ee", "l", "2000000000:x")) {
                assertThatThrownBy(() -> lenient(bad)).as(bad).isInstanceOf(BencodeException.class);
            }
        }

        @Test
        void lenientRecordsTrailingBytesAndKeepsTheRootSpan() {
            BencodeDecoder.Result r = lenient("d1:ai1ee\n");
            assertThat(r.value()).isEqualTo(BDict.builder().put("a", 1).build());
            assertThat(r.value().end()).isEqualTo(8);
            assertThat(r.violations()).containsExactly(new Violation(Violation.Kind.TRAILING_BYTES, 8));
        }

        @Test
        void strictInputHasNoViolations() {
            assertThat(BencodeDecoder.strict().decodeWithViolations(bytes("d1:ai1ee")).violations()).isEmpty();
            assertThat(lenient("d1:ai1ee").violations()).isEmpty();
        }

        @Test
        void aDecoderCanBeReused() {
            BencodeDecoder d = BencodeDecoder.lenient();
            assertThat(d.decodeWithViolations(bytes("d1:bi1e1:ai2ee")).violations()).hasSize(1);
            assertThatThrownBy(() -> d.decode(bytes("l"))).isInstanceOf(BencodeException.class);
            assertThat(d.decodeWithViolations(bytes("li1ee")).violations()).isEmpty();
        }
    }

    @Test
    void errorMessagesQuoteAtMost64BytesOfAKey() {
        String key = "k".repeat(10_000);
        String doc = "d1:zi1e" + key.length() + ":" + key + "i1ee";
        assertThatThrownBy(() -> strict(doc))
                .hasMessageContaining("\"" + "k".repeat(64) + "\"...(10000 bytes) is out of order")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
