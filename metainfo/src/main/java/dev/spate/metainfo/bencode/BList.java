package dev.spate.metainfo.bencode;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/** A bencoded list: an immutable sequence of values. */
public final class BList implements BValue {
    static final BValue[] NO_VALUES = new BValue[0];

    private final BValue[] items;
    private final int start;
    private final int end;

    BList(BValue[] items, int start, int end) {
        this.items = items;
        this.start = start;
        this.end = end;
    }

    public static BList of(BValue... items) {
        return new BList(items.length == 0 ? NO_VALUES : items.clone(), -1, -1);
    }

    public static BList of(List<? extends BValue> items) {
        return new BList(items.isEmpty() ? NO_VALUES : items.toArray(new BValue[0]), -1, -1);
    }

    public int size() {
        return items.length;
    }

    public BValue get(int index) {
        return items[index];
    }

    /** An unmodifiable view of the items. */
    public List<BValue> items() {
        return new View();
    }

    private final class View extends AbstractList<BValue> implements RandomAccess {
        @Override
        public BValue get(int index) {
            return items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
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
        return "list";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BList l && Arrays.equals(items, l.items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return Arrays.toString(items);
    }
}
