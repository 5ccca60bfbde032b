package dev.spate.protocol;

/**
 * Finds where the bencoded value that starts a byte range ends, without decoding it: a
 * ut_metadata data message is a dictionary followed by raw bytes, and the bencode decoder only
 * takes ranges that hold exactly one value. Nesting is capped, every length is checked against
 * the bytes that remain.
 */
final class BencodeSpan {
    static final int MAX_DEPTH = 32;

    private BencodeSpan() {
    }

    /** The offset just past the value starting at {@code from}, within {@code [from, to)}. */
    static int end(String what, byte[] b, int from, int to) {
        int pos = from;
        int depth = 0;
        do {
            if (pos >= to) {
                throw new ProtocolViolation(what + ": the bencoded dictionary is not closed");
            }
            byte c = b[pos];
            if (c == 'd' || c == 'l') {
                if (++depth > MAX_DEPTH) {
                    throw new ProtocolViolation(what + ": bencode nested deeper than " + MAX_DEPTH + " levels");
                }
                pos++;
            } else if (c == 'e' && depth > 0) {
                depth--;
                pos++;
            } else if (c == 'i') {
                pos = indexOf(what, b, (byte) 'e', pos + 1, to) + 1;
            } else if (c >= '0' && c <= '9') {
                int colon = indexOf(what, b, (byte) ':', pos, to);
                long length = 0;
                for (int i = pos; i < colon; i++) {
                    if (b[i] < '0' || b[i] > '9' || (length = length * 10 + (b[i] - '0')) > to) {
                        throw new ProtocolViolation(what + ": bad string length at byte " + pos);
                    }
                }
                if (length > to - colon - 1) {
                    throw new ProtocolViolation(what + ": a string of " + length + " bytes runs past the end");
                }
                pos = colon + 1 + (int) length;
            } else {
                throw new ProtocolViolation(what + ": unexpected byte 0x" + Integer.toHexString(c & 0xff)
                        + " at " + pos + " in bencode");
            }
        } while (depth > 0);
        return pos;
    }

    private static int indexOf(String what, byte[] b, byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        throw new ProtocolViolation(what + ": bencode ends inside a value");
    }
}
