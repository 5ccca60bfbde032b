package dev.spate.discovery.dht.krpc;

import dev.spate.metainfo.InfoHash;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * A 160-bit DHT key: a node's id, or the target of a lookup (an info hash's {@link InfoHash#wireId()}).
 * Distances are XOR read as an unsigned number (BEP 5); bit 0 is the most significant.
 */
public final class NodeId implements Comparable<NodeId> {
    public static final int LENGTH = 20;
    public static final int BITS = LENGTH * 8;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private NodeId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An id from 20 bytes (copied). */
    public static NodeId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a node id has 20 bytes, not " + bytes.length);
        }
        return new NodeId(bytes.clone());
    }

    /** The key under which the DHT stores peers of {@code hash}. */
    public static NodeId of(InfoHash hash) {
        return new NodeId(hash.wireId());
    }

    public static NodeId fromHex(String hex) {
        return of(HEX.parseHex(hex));
    }

    public static NodeId random(Random random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new NodeId(b);
    }

    /**
     * A random id that shares its first {@code prefixBits} bits with {@code prefix}: a point in the
     * range of a bucket, for a refresh lookup.
     */
    public static NodeId randomWithPrefix(NodeId prefix, int prefixBits, Random random) {
        if (prefixBits < 0 || prefixBits > BITS) {
            throw new IllegalArgumentException("prefix of " + prefixBits + " bits");
        }
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        for (int i = 0; i < prefixBits; i++) {
            int mask = 0x80 >>> (i & 7);
            b[i >>> 3] = (byte) ((b[i >>> 3] & ~mask) | (prefix.bytes[i >>> 3] & mask));
        }
        return new NodeId(b);
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Bit {@code index}, 0 being the most significant. */
    public int bit(int index) {
        return (bytes[index >>> 3] >>> (7 - (index & 7))) & 1;
    }

    /** This id with bit {@code index} flipped. */
    public NodeId flipBit(int index) {
        byte[] b = bytes.clone();
        b[index >>> 3] ^= (byte) (0x80 >>> (index & 7));
        return new NodeId(b);
    }

    /** How many leading bits this id shares with {@code other}: 160 for the same id. */
    public int commonPrefixLength(NodeId other) {
        for (int i = 0; i < LENGTH; i++) {
            int x = (bytes[i] ^ other.bytes[i]) & 0xff;
            if (x != 0) {
                return i * 8 + Integer.numberOfLeadingZeros(x) - 24;
            }
        }
        return BITS;
    }

    /** Negative if {@code a} is closer to this id than {@code b}, zero if equally close (the same id). */
    public int compareDistance(NodeId a, NodeId b) {
        for (int i = 0; i < LENGTH; i++) {
            int da = (a.bytes[i] ^ bytes[i]) & 0xff;
            int db = (b.bytes[i] ^ bytes[i]) & 0xff;
            if (da != db) {
                return da - db;
            }
        }
        return 0;
    }

    /** Writes the 20 bytes into {@code out} at {@code offset}. */
    public void copyTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, LENGTH);
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public int compareTo(NodeId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeId n && Arrays.equals(bytes, n.bytes);
    }

    @Override
    public int hashCode() {
        // Ids are random or digests; four bytes spread well enough.
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
