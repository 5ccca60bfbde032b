package dev.spate.metainfo.bencode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes canonical bencode: integers without leading zeros, dictionary keys sorted (a
 * {@link BDict} always holds them sorted and unique). The output array is sized exactly first,
 * so encoding allocates it once.
 */
public final class BencodeEncoder {
    private BencodeEncoder() {
    }

    public static byte[] encode(BValue value) {
        byte[] out = new byte[Math.toIntExact(size(value))];
        int end = write(value, out, 0);
        assert end == out.length;
        return out;
    }

    public static void encode(BValue value, ByteArrayOutputStream out) {
        out.writeBytes(encode(value));
    }

    /** The number of bytes {@code value} encodes to. */
    public static long size(BValue value) {
        if (value instanceof BString s) {
            return digits(s.length()) + 1L + s.length();
        }
        if (value instanceof BInteger i) {
            return 2L + Long.toString(i.value()).length();
        }
        long n = 2;
        if (value instanceof BList l) {
            for (int k = 0; k < l.size(); k++) {
                n += size(l.get(k));
            }
        } else {
            BDict d = (BDict) value;
            for (int k = 0; k < d.size(); k++) {
                n += size(d.keyAt(k)) + size(d.valueAt(k));
            }
        }
        return n;
    }

    private static int write(BValue value, byte[] out, int pos) {
        if (value instanceof BString s) {
            pos = ascii(Integer.toString(s.length()), out, pos);
            out[pos++] = ':';
            System.arraycopy(s.array(), s.arrayOffset(), out, pos, s.length());
            return pos + s.length();
        }
        if (value instanceof BInteger i) {
            out[pos++] = 'i';
            pos = ascii(Long.toString(i.value()), out, pos);
            out[pos++] = 'e';
            return pos;
        }
        if (value instanceof BList l) {
            out[pos++] = 'l';
            for (int k = 0; k < l.size(); k++) {
                pos = write(l.get(k), out, pos);
            }
        } else {
            BDict d = (BDict) value;
            out[pos++] = 'd';
            for (int k = 0; k < d.size(); k++) {
                pos = write(d.keyAt(k), out, pos);
                pos = write(d.valueAt(k), out, pos);
            }
        }
        out[pos++] = 'e';
        return pos;
    }

    private static int ascii(String s, byte[] out, int pos) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, out, pos, b.length);
        return pos + b.length;
    }

    private static int digits(int n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }
}
