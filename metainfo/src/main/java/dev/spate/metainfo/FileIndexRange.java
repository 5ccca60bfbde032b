package dev.spate.metainfo;

/**
 * An inclusive range of file indexes, as in a BEP 53 {@code so} ("select only") parameter:
 * {@code 4-6} is files 4, 5 and 6; {@code 2} is {@code 2-2}. Ranges are kept as ranges, so a
 * link cannot make spate build a list of a billion indexes.
 */
public record FileIndexRange(int first, int last) {

    public FileIndexRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a range of file indexes: " + first + "-" + last);
        }
    }

    public boolean contains(int index) {
        return index >= first && index <= last;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
