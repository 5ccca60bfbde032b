package dev.spate.client.interop;

/** The piece lengths of the matrix (blocks are always 16 KiB). */
enum PieceSize {
    KIB_256("256 KiB", 256 * 1024),
    MIB_1("1 MiB", 1024 * 1024),
    MIB_4("4 MiB", 4 * 1024 * 1024);

    private final String words;
    private final int bytes;

    PieceSize(String words, int bytes) {
        this.words = words;
        this.bytes = bytes;
    }

    int bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return words;
    }
}
