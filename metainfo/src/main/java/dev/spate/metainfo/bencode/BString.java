package dev.spate.metainfo.bencode;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bencoded byte string. A decoded string is a view of the decoder's input array (no copy), so a
 * torrent's {@code pieces} costs nothing beyond the file's own bytes. Bytes are never assumed to
 * be text: {@link #asUtf8()} and {@link #isUtf8()} say what they hold.
 */
public final class BString implements BValue, Comparable<BString> {
    private static final byte[] NO_BYTES = new byte[0];

    private final byte[] buf;
    private final int off;
    private final int len;
    private final int start;
    private final int end;

    BString(byte[] buf, int off, int len, int start, int end) {
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.start = start;
        this.end = end;
    }

    /** A string holding a copy of the given bytes. */
    public static BString of(byte[] bytes) {
        return new BString(bytes.length == 0 ? NO_BYTES : bytes.clone(), 0, bytes.length, -1, -1);
    }

    /** A string holding the UTF-8 encoding of {@code text}. */
    public static BString of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new BString(bytes, 0, bytes.length, -1, -1);
    }

    public int length() {
        return len;
    }

    public byte byteAt(int index) {
        if (index < 0 || index >= len) {
            throw new IndexOutOfBoundsException(index);
        }
        return buf[off + index];
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return len == 0 ? NO_BYTES : Arrays.copyOfRange(buf, off, off + len);
    }

    /** Copies {@code length} bytes starting at {@code from} into {@code dst} at {@code dstOff}. */
    public void copyTo(int from, byte[] dst, int dstOff, int length) {
        if (from < 0 || length < 0 || from + length > len) {
            throw new IndexOutOfBoundsException("range " + from + "+" + length + " of " + len);
        }
        System.arraycopy(buf, off + from, dst, dstOff, length);
    }

    /** A read-only view of the bytes, with no copy. */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(buf, off, len).slice().asReadOnlyBuffer();
    }

    /** True if the bytes are well-formed UTF-8. */
    public boolean isUtf8() {
        return decodeUtf8Strict() != null;
    }

    /** The bytes as UTF-8 text, with each malformed sequence replaced by U+FFFD. */
    public String asUtf8() {
        return new String(buf, off, len, StandardCharsets.UTF_8);
    }

    /** True if these bytes are exactly the UTF-8 encoding of an ASCII {@code text}. */
    public boolean contentEquals(String text) {
        if (text.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[off + i] != (byte) text.charAt(i) || text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    private String decodeUtf8Strict() {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(buf, off, len));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Unsigned lexicographic order of the raw bytes: the order bencode sorts keys in. */
    @Override
    public int compareTo(BString other) {
        return Arrays.compareUnsigned(buf, off, off + len, other.buf, other.off, other.off + other.len);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BString s
                && Arrays.equals(buf, off, off + len, s.buf, s.off, s.off + s.len);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    @Override
    public int start() {
        return start;
    }

    @Override
    public int end() {
        return end;
    }

    @Override
    public String typeName() {
        return "string";
    }

    /**
     * Printable form for logs, error messages and test failures: quoted text if the bytes are
     * printable UTF-8, else hex; either is cut after 64 bytes so that a hostile key cannot make
     * a message huge.
     */
    @Override
    public String toString() {
        int shown = Math.min(len, 64);
        String text = shown == len ? decodeUtf8Strict() : null;
        if (shown < len) {
            // Cut at a character boundary (a UTF-8 continuation byte is 10xxxxxx).
            int cut = shown;
            while (cut > 0 && (buf[off + cut] & 0xc0) == 0x80) {
                cut--;
            }
            String head = new BString(buf, off, cut, -1, -1).decodeUtf8Strict();
            if (head != null && printable(head)) {
                return '"' + head + "\"...(" + len + " bytes)";
            }
        } else if (text != null && printable(text)) {
            return '"' + text + '"';
        }
        StringBuilder hex = new StringBuilder(shown * 2 + 24).append("0x");
        for (int i = off; i < off + shown; i++) {
            hex.append(Character.forDigit((buf[i] >> 4) & 0xf, 16)).append(Character.forDigit(buf[i] & 0xf, 16));
        }
        return len > shown ? hex.append("...(").append(len).append(" bytes)").toString() : hex.toString();
    }

    private static boolean printable(String text) {
        return text.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
    }

    // Package-private access for the encoder, which writes the bytes without a copy.
    byte[] array() {
        return buf;
    }

    int arrayOffset() {
        return off;
    }
}
