package dev.spate.metainfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * BEP 52 merkle trees: SHA-256 over 16 KiB blocks, two children per node, and the leaves past
 * the end of a file set to 32 zero bytes. A file's {@code pieces root} is the root over its
 * blocks; its piece layer is the row of nodes that each cover one piece.
 */
public final class Merkle {
    public static final int BLOCK_SIZE = 16 * 1024;
    public static final int HASH_SIZE = 32;

    /** PAD[k]: the root of a subtree of 2^k zero leaves. */
    private static final byte[][] PAD = new byte[64][];

    static {
        PAD[0] = new byte[HASH_SIZE];
        MessageDigest sha = sha256();
        for (int k = 1; k < PAD.length; k++) {
            sha.update(PAD[k - 1]);
            sha.update(PAD[k - 1]);
            PAD[k] = sha.digest();
        }
    }

    private Merkle() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The root of a subtree of {@code 2^levels} zero leaves (a copy). */
    public static byte[] padHash(int levels) {
        return PAD[levels].clone();
    }

    /** log2 of a power of two. */
    public static int log2(long powerOfTwo) {
        return 63 - Long.numberOfLeadingZeros(powerOfTwo);
    }

    /** The smallest power of two that is at least {@code n} (1 for n <= 1). */
    public static long nextPowerOfTwo(long n) {
        return n <= 1 ? 1 : Long.highestOneBit(n - 1) << 1;
    }

    /**
     * The root over {@code count} hashes (32 bytes each, from {@code hashes[off]}), padded to
     * {@code width} nodes (a power of two, at least count) with roots of zero subtrees that are
     * {@code padLevels} high. Linear in {@code count}: the padding is never hashed node by node.
     */
    public static byte[] root(byte[] hashes, int off, int count, long width, int padLevels) {
        if (count < 1 || width < count || Long.bitCount(width) != 1) {
            throw new IllegalArgumentException("count " + count + ", width " + width);
        }
        MessageDigest sha = sha256();
        byte[] row = java.util.Arrays.copyOfRange(hashes, off, off + count * HASH_SIZE);
        int n = count;
        int level = padLevels;
        for (long w = width; w > 1; w >>= 1, level++) {
            int parents = (n + 1) / 2;
            byte[] next = new byte[parents * HASH_SIZE];
            for (int p = 0; p < parents; p++) {
                sha.update(row, 2 * p * HASH_SIZE, HASH_SIZE);
                if (2 * p + 1 < n) {
                    sha.update(row, (2 * p + 1) * HASH_SIZE, HASH_SIZE);
                } else {
                    sha.update(PAD[level]);
                }
                digestInto(sha, next, p * HASH_SIZE);
            }
            row = next;
            n = parents;
        }
        return row;
    }

    /**
     * The root of a file's tree given its piece layer: {@code count} piece hashes, each the root
     * of {@code pieceLength / 16 KiB} leaves. Only for files longer than one piece.
     */
    public static byte[] rootFromPieceLayer(byte[] layer, int off, int count, int pieceLength) {
        return root(layer, off, count, nextPowerOfTwo(count), log2(pieceLength / BLOCK_SIZE));
    }

    static void digestInto(MessageDigest sha, byte[] out, int off) {
        try {
            sha.digest(out, off, HASH_SIZE);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-1's 20 bytes into {@code out} at {@code off}. */
    static void digestInto20(MessageDigest sha1, byte[] out, int off) {
        try {
            sha1.digest(out, off, 20);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
