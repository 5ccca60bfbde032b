package dev.spate.metainfo.bencode;

/** A bencoded integer; bencode integers are signed and spate keeps them to 64 bits. */
public final class BInteger implements BValue {
    private final long value;
    private final int start;
    private final int end;

    BInteger(long value, int start, int end) {
        this.value = value;
        this.start = start;
        this.end = end;
    }

    public static BInteger of(long value) {
        return new BInteger(value, -1, -1);
    }

    public long value() {
        return value;
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
        return "integer";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BInteger i && i.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
