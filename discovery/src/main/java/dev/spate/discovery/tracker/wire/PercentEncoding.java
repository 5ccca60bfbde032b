package dev.spate.discovery.tracker.wire;

import java.io.ByteArrayOutputStream;

/**
 * Percent-encoding of raw bytes in a URL query (RFC 3986), as trackers expect for {@code info_hash}
 * and {@code peer_id}: each byte on its own, unreserved characters as themselves, every other byte
 * as {@code %XX}. Never goes through a character set: a hash is not text.
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /**
     * Decodes {@code s[from, to)} to bytes: {@code %XX} to one byte, {@code +} to a space (form
     * encoding, which some clients use), any other character to its low byte.
     *
     * @throws IllegalArgumentException on a {@code %} not followed by two hex digits, or a character above U+00FF
     */
    public static byte[] decode(CharSequence s, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    throw new IllegalArgumentException("'%' at " + i + " is not followed by two hex digits");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("'%' at " + i + " is not followed by two hex digits");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else if (c > 0xff) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " at " + i
                        + " is not allowed in a URL");
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
