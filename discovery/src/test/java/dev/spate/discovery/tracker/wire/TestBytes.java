package dev.spate.discovery.tracker.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Byte sequences written by hand in tests: hex with spaces, and text and bytes run together. */
public final class TestBytes {
    private TestBytes() {
    }

    /** {@code "00 00 04 17"} to bytes; spaces and line breaks are ignored. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** Strings (as ASCII) and byte arrays, one after the other. */
    public static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] b ? b : ((String) p).getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }
}
