package dev.spate.protocol.peer;

/** Packs a block's (piece, offset) into one long for primitive collections on hot paths. */
public final class Blocks {
    /** The block size spate requests: 16 KiB, what every client serves. */
    public static final int SIZE = 16 * 1024;

    private Blocks() {
    }

    /** The length of the block at {@code offset} in a piece of {@code pieceSize} bytes. */
    public static int length(int pieceSize, int offset) {
        return Math.min(SIZE, pieceSize - offset);
    }

    public static long pack(int piece, int offset) {
        return (long) piece << 32 | (offset & 0xffffffffL);
    }

    public static int piece(long packed) {
        return (int) (packed >>> 32);
    }

    public static int offset(long packed) {
        return (int) packed;
    }
}
