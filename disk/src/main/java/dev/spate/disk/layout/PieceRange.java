package dev.spate.disk.layout;

/**
 * The pieces a file touches: {@code [first, end)}. A zero-length file touches no piece, so its
 * range is empty. Pieces at either end may be shared with neighbouring files.
 */
public record PieceRange(int first, int end) {

    public PieceRange {
        if (first < 0 || end < first) {
            throw new IllegalArgumentException("bad piece range [" + first + ", " + end + ")");
        }
    }

    public boolean isEmpty() {
        return first == end;
    }

    public int count() {
        return end - first;
    }

    public boolean contains(int piece) {
        return piece >= first && piece < end;
    }
}
