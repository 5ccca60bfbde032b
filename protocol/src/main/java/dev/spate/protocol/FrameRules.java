package dev.spate.protocol;

/**
 * The lengths a frame may declare, per message, from the first five bytes alone (length prefix
 * and id): fixed-size messages exactly, a bitfield from the piece count, a piece from the block
 * limit, an extended message from its cap. The decoder checks these before it allocates or
 * waits for a body.
 */
final class FrameRules {
    static final int UNKNOWN = -1;

    private final WireLimits limits;
    private int pieceCount = UNKNOWN;
    private long maxFrameLength;

    FrameRules(WireLimits limits) {
        this.limits = limits;
        update();
    }

    void pieceCount(int count) {
        if (count < 1 && count != UNKNOWN) {
            throw new IllegalArgumentException("a torrent has at least one piece: " + count);
        }
        pieceCount = count;
        update();
    }

    int pieceCount() {
        return pieceCount;
    }

    WireLimits limits() {
        return limits;
    }

    private void update() {
        long max = 13;
        max = Math.max(max, 9L + limits.maxBlockLength());
        max = Math.max(max, 2L + limits.maxExtendedLength());
        max = Math.max(max, 1L + limits.maxUnknownLength());
        max = Math.max(max, 1L + maxBitfieldLength());
        maxFrameLength = max;
    }

    private int maxBitfieldLength() {
        return pieceCount == UNKNOWN ? limits.maxBitfieldLength() : bitfieldLength(pieceCount);
    }

    static int bitfieldLength(int pieceCount) {
        return (int) ((pieceCount + 7L) / 8);
    }

    /** Refuses a length prefix longer than any message may be: one look at four bytes is enough. */
    void checkFrameLength(long length) {
        if (length > maxFrameLength) {
            throw new ProtocolViolation("a frame of " + length + " bytes is longer than any message may be ("
                    + maxFrameLength + " bytes)");
        }
    }

    /** Refuses a length prefix that message {@code id} (a known one) may not have. */
    void checkLength(int id, long length) {
        switch (id) {
            case MessageIds.CHOKE, MessageIds.UNCHOKE, MessageIds.INTERESTED, MessageIds.NOT_INTERESTED,
                    MessageIds.HAVE_ALL, MessageIds.HAVE_NONE -> exactly(id, length, 1);
            case MessageIds.HAVE, MessageIds.SUGGEST_PIECE, MessageIds.ALLOWED_FAST -> exactly(id, length, 5);
            case MessageIds.REQUEST, MessageIds.CANCEL, MessageIds.REJECT_REQUEST -> exactly(id, length, 13);
            case MessageIds.PORT -> exactly(id, length, 3);
            case MessageIds.BITFIELD -> {
                if (pieceCount != UNKNOWN) {
                    exactly(id, length, 1L + bitfieldLength(pieceCount), " for " + pieceCount + " pieces");
                } else {
                    within(id, length, 2, 1L + limits.maxBitfieldLength());
                }
            }
            case MessageIds.PIECE -> within(id, length, 9, 9L + limits.maxBlockLength());
            case MessageIds.EXTENDED -> within(id, length, 2, 2L + limits.maxExtendedLength());
            default -> throw new IllegalArgumentException("not a known message id: " + id);
        }
    }

    /** Refuses an unknown message whose body is longer than we are willing to skip. */
    void checkUnknownLength(int id, long length) {
        if (length - 1 > limits.maxUnknownLength()) {
            throw new ProtocolViolation(MessageIds.name(id) + " (unknown) has a body of " + (length - 1)
                    + " bytes; at most " + limits.maxUnknownLength() + " are skipped");
        }
    }

    private static void exactly(int id, long length, long expected) {
        exactly(id, length, expected, "");
    }

    private static void exactly(int id, long length, long expected, String why) {
        if (length != expected) {
            throw new ProtocolViolation(MessageIds.name(id) + " message has length " + length + ", expected "
                    + expected + why);
        }
    }

    private static void within(int id, long length, long min, long max) {
        if (length < min || length > max) {
            throw new ProtocolViolation(MessageIds.name(id) + " message has length " + length + ", expected "
                    + min + " to " + max);
        }
    }
}
