package dev.spate.discovery.lsd;

import dev.spate.metainfo.InfoHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * BEP 14 announces, an HTTP-like request over UDP:
 * <pre>
 * BT-SEARCH * HTTP/1.1\r\n
 * Host: 239.192.152.143:6771\r\n
 * Port: 6881\r\n
 * Infohash: 40 hex digits\r\n      (one or more)
 * cookie: opaque\r\n               (optional)
 * \r\n
 * \r\n
 * </pre>
 * Reading is bounded before it allocates: at most {@link #MAX_DATAGRAM_BYTES}, {@link #MAX_LINES}
 * lines and {@link #MAX_HASHES} info hashes are looked at; header names are case-insensitive,
 * bare line feeds are taken, and unknown headers are ignored, as BEP 14 asks.
 */
public final class LsdCodec {
    /** BEP 14 asks senders to stay under 1400 bytes; a little slack for other clients. */
    public static final int MAX_DATAGRAM_BYTES = 2048;
    public static final int MAX_LINES = 64;
    public static final int MAX_HASHES = 32;
    /** Hashes that fit in one announce under 1400 bytes with our other headers. */
    public static final int HASHES_PER_MESSAGE = 25;
    private static final String REQUEST_LINE = "BT-SEARCH * HTTP/1.1";
    private static final int MAX_COOKIE_CHARS = 64;

    private LsdCodec() {
    }

    /** An announce to the group named by {@code host} ({@code 239.192.152.143:6771} or {@code [ff15::efc0:988f]:6771}). */
    public static byte[] encode(String host, LsdAnnounce announce) {
        if (announce.infoHashes().isEmpty() || announce.infoHashes().size() > HASHES_PER_MESSAGE) {
            throw new IllegalArgumentException("an announce carries 1 to " + HASHES_PER_MESSAGE + " info hashes, not "
                    + announce.infoHashes().size());
        }
        StringBuilder sb = new StringBuilder(128 + 52 * announce.infoHashes().size());
        sb.append(REQUEST_LINE).append("\r\nHost: ").append(host).append("\r\nPort: ").append(announce.port())
                .append("\r\n");
        for (InfoHash h : announce.infoHashes()) {
            sb.append("Infohash: ").append(h.toHex().substring(0, 2 * InfoHash.V1_LENGTH)).append("\r\n");
        }
        announce.cookie().ifPresent(c -> sb.append("cookie: ").append(c).append("\r\n"));
        return sb.append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static LsdAnnounce decode(byte[] data) {
        if (data.length > MAX_DATAGRAM_BYTES) {
            throw new LsdException("a datagram of " + data.length + " bytes is over the " + MAX_DATAGRAM_BYTES
                    + "-byte limit");
        }
        // ISO-8859-1 maps every byte to one char, so nothing here can fail to decode.
        String text = new String(data, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n", MAX_LINES + 1);
        if (!lines[0].equals(REQUEST_LINE)) {
            throw new LsdException("not a BT-SEARCH request: " + shorten(lines[0]));
        }
        int port = -1;
        List<InfoHash> hashes = new ArrayList<>();
        Optional<String> cookie = Optional.empty();
        for (int i = 1; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // the blank lines at the end, or something we do not understand
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "port" -> port = port(value);
                case "infohash" -> {
                    if (hashes.size() < MAX_HASHES) {
                        hashes.add(infoHash(value));
                    }
                }
                case "cookie" -> cookie = Optional.of(value.length() <= MAX_COOKIE_CHARS ? value
                        : value.substring(0, MAX_COOKIE_CHARS));
                default -> {
                    // Host and any header a later client adds.
                }
            }
        }
        if (port < 0) {
            throw new LsdException("the announce has no Port header");
        }
        if (hashes.isEmpty()) {
            throw new LsdException("the announce has no Infohash header");
        }
        return new LsdAnnounce(port, hashes, cookie);
    }

    private static int port(String value) {
        if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new LsdException("Port is not a port number: " + shorten(value));
        }
        int port = Integer.parseInt(value);
        if (port < 1 || port > 0xffff) {
            throw new LsdException("Port " + port + " is not between 1 and 65535");
        }
        return port;
    }

    private static InfoHash infoHash(String value) {
        if (value.length() != 2 * InfoHash.V1_LENGTH) {
            throw new LsdException("Infohash is not 40 hex digits: " + shorten(value));
        }
        try {
            return InfoHash.fromHex(value);
        } catch (IllegalArgumentException e) {
            throw new LsdException("Infohash is not 40 hex digits: " + shorten(value));
        }
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
