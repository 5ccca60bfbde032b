package dev.spate.client;

/** How much a file is wanted. A skipped file is not downloaded and, if it does not exist yet, never created. */
public enum FilePriority {
    SKIP(0), LOW(1), NORMAL(4), HIGH(7);

    private final int piecePriority;

    FilePriority(int piecePriority) {
        this.piecePriority = piecePriority;
    }

    /** The piece picker's priority (0 skip, 1 low, 4 normal, 7 high). */
    public int piecePriority() {
        return piecePriority;
    }

    static FilePriority ofPiecePriority(int value) {
        for (FilePriority p : values()) {
            if (p.piecePriority == value) {
                return p;
            }
        }
        throw new IllegalArgumentException("no file priority has piece priority " + value);
    }
}
