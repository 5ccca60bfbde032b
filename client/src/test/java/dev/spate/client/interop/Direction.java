package dev.spate.client.interop;

/** Which end of a cell seeds. */
enum Direction {
    /** The real client seeds, spate leeches. */
    TO_SPATE("client → spate"),
    /** spate seeds, the real client leeches. */
    FROM_SPATE("spate → client");

    private final String words;

    Direction(String words) {
        this.words = words;
    }

    @Override
    public String toString() {
        return words;
    }
}
