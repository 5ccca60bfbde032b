package dev.spate.protocol.peer;

/**
 * The remote's requests we have accepted and not started serving, oldest first: a ring of packed
 * (piece, offset) and lengths. Bounded by its capacity; owned by the peer's event loop.
 */
final class UploadQueue {
    private final long[] blocks;
    private final int[] lengths;
    private int head;
    private int size;

    UploadQueue(int capacity) {
        blocks = new long[capacity];
        lengths = new int[capacity];
    }

    boolean isFull() {
        return size == blocks.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(long block, int length) {
        int tail = (head + size) % blocks.length;
        blocks[tail] = block;
        lengths[tail] = length;
        size++;
    }

    long peekBlock() {
        return blocks[head];
    }

    int peekLength() {
        return lengths[head];
    }

    void removeFirst() {
        head = (head + 1) % blocks.length;
        size--;
    }

    /** Removes a queued request (a cancel); returns whether it was there. */
    boolean remove(long block) {
        for (int i = 0; i < size; i++) {
            int at = (head + i) % blocks.length;
            if (blocks[at] == block) {
                for (int j = i; j < size - 1; j++) {
                    int from = (head + j + 1) % blocks.length;
                    int to = (head + j) % blocks.length;
                    blocks[to] = blocks[from];
                    lengths[to] = lengths[from];
                }
                size--;
                return true;
            }
        }
        return false;
    }

    void clear() {
        size = 0;
        head = 0;
    }
}
