package dev.spate.protocol.peer;

import java.util.Arrays;

/** A growable list of longs that is cleared and reused instead of reallocated. */
public final class LongList {
    private long[] items;
    private int size;

    public LongList(int capacity) {
        items = new long[Math.max(1, capacity)];
    }

    public void add(long value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    public long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return items[index];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }
}
