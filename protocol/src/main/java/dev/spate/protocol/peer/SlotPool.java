package dev.spate.protocol.peer;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A fixed number of reusable batch objects handed between two threads. {@link #take} and
 * {@link #give} never wait: an empty pool answers null, which is the caller's cue to back off.
 */
final class SlotPool<T> {
    private final AtomicReferenceArray<T> slots;

    SlotPool(int size) {
        slots = new AtomicReferenceArray<>(size);
    }

    /** A free object, or null if every one is in use. */
    T take() {
        for (int i = 0; i < slots.length(); i++) {
            T item = slots.get(i);
            if (item != null && slots.compareAndSet(i, item, null)) {
                return item;
            }
        }
        return null;
    }

    void give(T item) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == null && slots.compareAndSet(i, null, item)) {
                return;
            }
        }
        throw new IllegalStateException("more objects given back than the pool holds");
    }

    int free() {
        int n = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                n++;
            }
        }
        return n;
    }
}
