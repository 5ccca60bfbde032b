package dev.spate.protocol.peer;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Our requests to one peer that it has not answered: {@link Blocks#pack packed} (piece, offset)
 * to the block's target. Open addressing with a mixed hash, because packed keys of one piece
 * differ only in bits that a plain modulo of a small table ignores. Owned by the peer's event loop.
 */
final class OutstandingRequests {
    private static final long EMPTY = -1L; // never a valid key: offsets and pieces are non-negative

    private long[] keys;
    private BlockTarget[] targets;
    private int size;

    OutstandingRequests(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        targets = new BlockTarget[capacity];
        Arrays.fill(keys, EMPTY);
    }

    int size() {
        return size;
    }

    boolean contains(long key) {
        return keys[find(key)] == key;
    }

    void put(long key, BlockTarget target) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int i = find(key);
        if (keys[i] != key) {
            keys[i] = key;
            size++;
        }
        targets[i] = target;
    }

    /** Removes and returns the target of {@code key}, or null. */
    BlockTarget remove(long key) {
        int i = find(key);
        if (keys[i] != key) {
            return null;
        }
        BlockTarget target = targets[i];
        deleteAt(i);
        return target;
    }

    /** Removes every request, handing each key and target to {@code each} (e.g. to release it). */
    void drain(Drain each) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                BlockTarget target = targets[i];
                long key = keys[i];
                keys[i] = EMPTY;
                targets[i] = null;
                each.accept(key, target);
            }
        }
        size = 0;
    }

    interface Drain {
        void accept(long key, BlockTarget target);
    }

    void forEachKey(LongConsumer each) {
        for (long key : keys) {
            if (key != EMPTY) {
                each.accept(key);
            }
        }
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Backward-shift deletion keeps probe chains intact without tombstones. */
    private void deleteAt(int hole) {
        int mask = keys.length - 1;
        keys[hole] = EMPTY;
        targets[hole] = null;
        size--;
        int i = (hole + 1) & mask;
        while (keys[i] != EMPTY) {
            int home = mix(keys[i]) & mask;
            // Move the entry back if its home is not cyclically in (hole, i].
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = keys[i];
                targets[hole] = targets[i];
                keys[i] = EMPTY;
                targets[i] = null;
                hole = i;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        BlockTarget[] oldTargets = targets;
        keys = new long[oldKeys.length * 2];
        targets = new BlockTarget[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldTargets[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
