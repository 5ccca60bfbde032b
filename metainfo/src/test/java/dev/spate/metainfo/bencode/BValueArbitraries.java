package dev.spate.metainfo.bencode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** jqwik generators of bencode values, shared by the property and differential tests. */
final class BValueArbitraries {
    private BValueArbitraries() {
    }

    /** Any value, nested up to {@code depth} levels, with keys and strings of any bytes. */
    static Arbitrary<BValue> values(int depth) {
        return values(depth, byteStrings().map(BString::of));
    }

    /** Any value whose dictionary keys are valid UTF-8 (what a String-keyed decoder can hold). */
    static Arbitrary<BValue> valuesWithTextKeys(int depth) {
        return values(depth, Arbitraries.strings().ofMaxLength(12).map(BString::of));
    }

    private static Arbitrary<BValue> values(int depth, Arbitrary<BString> keys) {
        Arbitrary<BValue> leaf = Arbitraries.oneOf(byteStrings().map(BString::of), integers());
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<BValue> inner = values(depth - 1, keys);
        Arbitrary<BValue> list = inner.list().ofMaxSize(5).map(BList::of);
        Arbitrary<BValue> dict = Arbitraries.maps(keys, inner).ofMaxSize(5).map(m -> {
            BDict.Builder b = BDict.builder();
            m.forEach(b::put);
            return b.build();
        });
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, list), Tuple.of(1, dict));
    }

    static Arbitrary<byte[]> byteStrings() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    }

    static Arbitrary<BValue> integers() {
        return Arbitraries.longs().withDistribution(net.jqwik.api.RandomDistribution.biased())
                .edgeCases(c -> c.includeOnly(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE))
                .map(BInteger::of);
    }
}
