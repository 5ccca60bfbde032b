package dev.spate.metainfo.bencode;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bencoded dictionary. Keys are byte strings (not Java Strings: a key need not be text), held
 * sorted and unique, so lookups are binary searches. A decoded dictionary keeps its span, which
 * is how the info hash is taken over the file's own bytes.
 */
public final class BDict implements BValue {
    static final BString[] NO_KEYS = new BString[0];

    private final BString[] keys;
    private final BValue[] values;
    private final int start;
    private final int end;

    /** Keys must already be sorted and unique; the decoder and the builder guarantee it. */
    BDict(BString[] keys, BValue[] values, int start, int end) {
        this.keys = keys;
        this.values = values;
        this.start = start;
        this.end = end;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return keys.length;
    }

    public BString keyAt(int index) {
        return keys[index];
    }

    public BValue valueAt(int index) {
        return values[index];
    }

    /** The value under a key given as text (its UTF-8 bytes), or null. */
    public BValue get(String key) {
        return get(BString.of(key));
    }

    /** The value under a key, or null. */
    public BValue get(BString key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? values[i] : null;
    }

    public boolean containsKey(String key) {
        return get(key) != null;
    }

    /** The entries in key order, as an unmodifiable list of pairs. */
    public java.util.List<Map.Entry<BString, BValue>> entries() {
        Map.Entry<BString, BValue>[] out = newEntryArray(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out[i] = new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
        }
        return java.util.List.of(out);
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<BString, BValue>[] newEntryArray(int n) {
        return (Map.Entry<BString, BValue>[]) new Map.Entry<?, ?>[n];
    }

    @Override
    public int start() {
        return start;
    }

    @Override
    public int end() {
        return end;
    }

    @Override
    public String typeName() {
        return "dictionary";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BDict d && Arrays.equals(keys, d.keys) && Arrays.equals(values, d.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(keys[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }

    /** Builds a dictionary in code; keys end up sorted, and a repeated key replaces the earlier one. */
    public static final class Builder {
        private final TreeMap<BString, BValue> entries = new TreeMap<>();

        public Builder put(String key, BValue value) {
            return put(BString.of(key), value);
        }

        public Builder put(BString key, BValue value) {
            entries.put(key, value);
            return this;
        }

        public Builder put(String key, String text) {
            return put(key, BString.of(text));
        }

        public Builder put(String key, long value) {
            return put(key, BInteger.of(value));
        }

        public Builder put(String key, byte[] bytes) {
            return put(key, BString.of(bytes));
        }

        /** Puts the value only when it is not null; handy for optional fields. */
        public Builder putIfPresent(String key, BValue value) {
            return value == null ? this : put(key, value);
        }

        public BDict build() {
            return new BDict(entries.keySet().toArray(NO_KEYS), entries.values().toArray(BList.NO_VALUES), -1, -1);
        }
    }
}
