package dev.spate.selection.picker;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * The pieces a torrent still wants and nobody has started, grouped by how urgently they should be
 * picked: a bucket per (priority band, availability) key, lower keys first. Each bucket is an
 * intrusive doubly linked list over piece indexes, so moving a piece when its availability or
 * priority changes, and removing it when it starts downloading, cost O(1). Pieces enter a bucket
 * at its head or its tail at random, which is the random tie-break among equally rare pieces.
 */
final class PieceBuckets {
    /** Availabilities at or above this share one bucket; rarity among such pieces does not matter. */
    static final int AVAILABILITY_CAP = 1023;
    static final int STRIDE = AVAILABILITY_CAP + 1;
    static final int BANDS = 7; // priorities 1 (low) .. 7 (high)
    private static final int NONE = -1;

    private final int[] next;
    private final int[] prev;
    private final int[] keyOf; // NONE when the piece is in no bucket
    private final int[] head = new int[BANDS * STRIDE];
    private final int[] tail = new int[BANDS * STRIDE];
    private final BitSet nonEmpty = new BitSet(BANDS * STRIDE);
    private final RandomGenerator random;
    private int size;

    PieceBuckets(int pieceCount, RandomGenerator random) {
        next = new int[pieceCount];
        prev = new int[pieceCount];
        keyOf = new int[pieceCount];
        java.util.Arrays.fill(keyOf, NONE);
        java.util.Arrays.fill(head, NONE);
        java.util.Arrays.fill(tail, NONE);
        this.random = random;
    }

    /** Bucket key: higher priority first, then rarer first. */
    static int key(int priority, int availability) {
        return (BANDS - priority) * STRIDE + Math.min(availability, AVAILABILITY_CAP);
    }

    boolean contains(int piece) {
        return keyOf[piece] != NONE;
    }

    int size() {
        return size;
    }

    /** Puts the piece in the bucket for {@code key}, moving it if it is in another one. */
    void place(int piece, int key) {
        if (keyOf[piece] == key) {
            return;
        }
        remove(piece);
        keyOf[piece] = key;
        if (head[key] == NONE) {
            head[key] = tail[key] = piece;
            next[piece] = prev[piece] = NONE;
            nonEmpty.set(key);
        } else if (random.nextBoolean()) {
            next[piece] = head[key];
            prev[piece] = NONE;
            prev[head[key]] = piece;
            head[key] = piece;
        } else {
            prev[piece] = tail[key];
            next[piece] = NONE;
            next[tail[key]] = piece;
            tail[key] = piece;
        }
        size++;
    }

    void remove(int piece) {
        int key = keyOf[piece];
        if (key == NONE) {
            return;
        }
        int p = prev[piece];
        int n = next[piece];
        if (p == NONE) {
            head[key] = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail[key] = p;
        } else {
            prev[n] = p;
        }
        if (head[key] == NONE) {
            nonEmpty.clear(key);
        }
        keyOf[piece] = NONE;
        size--;
    }

    /** The first piece, in pick order, that {@code accept} takes; -1 if none. */
    int first(java.util.function.IntPredicate accept) {
        for (int key = nonEmpty.nextSetBit(0); key >= 0; key = nonEmpty.nextSetBit(key + 1)) {
            for (int piece = head[key]; piece != NONE; piece = next[piece]) {
                if (accept.test(piece)) {
                    return piece;
                }
            }
        }
        return -1;
    }

    /** For invariant checks: the key of the bucket holding the piece, or -1. */
    int keyOf(int piece) {
        return keyOf[piece];
    }

    /** Walks every list and checks the links agree with {@link #keyOf} and {@link #size}. */
    void checkInvariants() {
        int seen = 0;
        for (int key = 0; key < head.length; key++) {
            if (nonEmpty.get(key) != (head[key] != NONE)) {
                throw new AssertionError("non-empty flag of bucket " + key + " is wrong");
            }
            int last = NONE;
            for (int piece = head[key]; piece != NONE; piece = next[piece]) {
                if (keyOf[piece] != key || prev[piece] != last) {
                    throw new AssertionError("bucket " + key + " is mislinked at piece " + piece);
                }
                last = piece;
                seen++;
            }
            if (tail[key] != last) {
                throw new AssertionError("tail of bucket " + key + " is wrong");
            }
        }
        if (seen != size) {
            throw new AssertionError("buckets hold " + seen + " pieces, size says " + size);
        }
    }
}
