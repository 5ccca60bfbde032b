package dev.spate.metainfo;

import java.util.function.Supplier;

/** RFC 4648 base32 (A-Z, 2-7, either case, no padding), as old magnet links write info hashes. */
final class Base32 {
    private Base32() {
    }

    /** Decodes a multiple of 8 characters; {@code error} supplies the exception for bad input. */
    static byte[] decode(String s, Supplier<? extends RuntimeException> error) {
        if (s.length() % 8 != 0) {
            throw error.get();
        }
        byte[] out = new byte[s.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toUpperCase(s.charAt(i));
            int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
            if (v < 0) {
                throw error.get();
            }
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
