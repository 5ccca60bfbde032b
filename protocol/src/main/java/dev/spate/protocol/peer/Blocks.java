package dev.spate.protocol.peer;

/** Packs a block's (piece, offset) into one long for primitive collections on hot paths. */
public final class Blocks {
    private Blocks() {
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
