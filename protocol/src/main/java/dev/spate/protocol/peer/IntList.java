package dev.spate.protocol.peer;

import java.util.Arrays;

/** A growable list of ints that is cleared and reused instead of reallocated. */
public final class IntList {
    private int[] items;
    private int size;

    public IntList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    public void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    public int get(int index) {
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
