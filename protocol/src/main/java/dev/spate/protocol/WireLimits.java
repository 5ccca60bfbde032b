package dev.spate.protocol;

/**
 * How long a frame may be, per message, before the decoder refuses it: every length is checked
 * against these before anything is allocated or waited for.
 *
 * @param maxBlockLength the most data a piece message may carry (and a request ask for)
 * @param maxExtendedLength the most payload an extended message may carry, its id byte excluded
 * @param maxUnknownLength the longest body of an unknown message that is skipped rather than refused
 * @param maxBitfieldLength the longest bitfield while the piece count is unknown (magnet links)
 */
public record WireLimits(int maxBlockLength, int maxExtendedLength, int maxUnknownLength, int maxBitfieldLength) {
    public static final int DEFAULT_MAX_BLOCK_LENGTH = 128 * 1024;
    public static final int DEFAULT_MAX_EXTENDED_LENGTH = 1 << 20;
    public static final int DEFAULT_MAX_UNKNOWN_LENGTH = 1 << 20;
    public static final int DEFAULT_MAX_BITFIELD_LENGTH = 1 << 20;

    public WireLimits {
        if (maxBlockLength < 1 || maxExtendedLength < 0 || maxUnknownLength < 0 || maxBitfieldLength < 1) {
            throw new IllegalArgumentException("wire limits must be positive: " + maxBlockLength + ", "
                    + maxExtendedLength + ", " + maxUnknownLength + ", " + maxBitfieldLength);
        }
        if (maxBlockLength > Integer.MAX_VALUE - 9 || maxExtendedLength > Integer.MAX_VALUE - 2
                || maxUnknownLength > Integer.MAX_VALUE - 1 || maxBitfieldLength > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("a wire limit leaves no room for the message header");
        }
    }

    public static WireLimits defaults() {
        return new WireLimits(DEFAULT_MAX_BLOCK_LENGTH, DEFAULT_MAX_EXTENDED_LENGTH, DEFAULT_MAX_UNKNOWN_LENGTH,
                DEFAULT_MAX_BITFIELD_LENGTH);
    }

    public WireLimits withMaxBlockLength(int length) {
        return new WireLimits(length, maxExtendedLength, maxUnknownLength, maxBitfieldLength);
    }

    public WireLimits withMaxExtendedLength(int length) {
        return new WireLimits(maxBlockLength, length, maxUnknownLength, maxBitfieldLength);
    }

    public WireLimits withMaxUnknownLength(int length) {
        return new WireLimits(maxBlockLength, maxExtendedLength, length, maxBitfieldLength);
    }
}
