package dev.spate.metainfo;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of a torrent: the SHA-1 (v1, 20 bytes) or SHA-256 (v2, 32 bytes) digest of its
 * info dictionary. On the wire (handshake, trackers, DHT) a v2 hash is truncated to 20 bytes:
 * {@link #wireId()}.
 */
public final class InfoHash implements Comparable<InfoHash> {
    public static final int V1_LENGTH = 20;
    public static final int V2_LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private InfoHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A v1 (20 bytes) or v2 (32 bytes) hash; the array is copied. */
    public static InfoHash of(byte[] bytes) {
        if (bytes.length != V1_LENGTH && bytes.length != V2_LENGTH) {
            throw new IllegalArgumentException("an info hash has 20 or 32 bytes, not " + bytes.length);
        }
        return new InfoHash(bytes.clone());
    }

    /** Parses 40 or 64 hex digits (either case). */
    public static InfoHash fromHex(String hex) {
        if (hex.length() != 2 * V1_LENGTH && hex.length() != 2 * V2_LENGTH) {
            throw new IllegalArgumentException("an info hash has 40 or 64 hex digits, not " + hex.length());
        }
        try {
            return new InfoHash(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex info hash: " + hex, e);
        }
    }

    public boolean isV1() {
        return bytes.length == V1_LENGTH;
    }

    public boolean isV2() {
        return bytes.length == V2_LENGTH;
    }

    /** A copy of the full digest. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The 20 bytes that stand for this torrent in handshakes, tracker requests and the DHT. */
    public byte[] wireId() {
        return Arrays.copyOf(bytes, V1_LENGTH);
    }

    /** True if {@code id} (20 bytes) is this hash's {@link #wireId()}. */
    public boolean matchesWireId(byte[] id) {
        return id.length == V1_LENGTH && Arrays.equals(bytes, 0, V1_LENGTH, id, 0, V1_LENGTH);
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public int compareTo(InfoHash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InfoHash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        // The bytes are a cryptographic digest: any four of them are a good hash.
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
