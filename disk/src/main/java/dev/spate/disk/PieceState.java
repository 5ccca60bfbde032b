package dev.spate.disk;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A piece being downloaded: which blocks are written, how far the SHA-1 has got (blocks are hashed
 * strictly in order; {@code hashed} is the hash cursor), and which peers sent blocks. Owned by the
 * piece's disk thread; recycled through {@link DiskThread} so a piece allocates nothing.
 */
final class PieceState {

    private final MessageDigest sha1 = newSha1();
    private long[] received = new long[1];
    private int blockCount;
    private int hashed;
    private int[] peers = new int[4];
    private int peerCount;

    PieceState reset(int blocks) {
        sha1.reset();
        int words = (blocks + 63) >>> 6;
        if (received.length < words) {
            received = new long[words];
        } else {
            Arrays.fill(received, 0L);
        }
        blockCount = blocks;
        hashed = 0;
        peerCount = 0;
        return this;
    }

    boolean has(int block) {
        return (received[block >>> 6] & (1L << block)) != 0;
    }

    void received(int block, int peerId) {
        received[block >>> 6] |= 1L << block;
        for (int i = 0; i < peerCount; i++) {
            if (peers[i] == peerId) {
                return;
            }
        }
        if (peerCount == peers.length) {
            peers = Arrays.copyOf(peers, peerCount * 2);
        }
        peers[peerCount++] = peerId;
    }

    /** The next block to hash. */
    int hashCursor() {
        return hashed;
    }

    /** Whether the block at the hash cursor is written and waiting to be hashed. */
    boolean nextReady() {
        return hashed < blockCount && has(hashed);
    }

    /**
     * Feeds the block at the hash cursor. For a direct buffer the JDK copies it through a small
     * reused heap array (4 KiB at a time): that is the one extra copy per block on the write path.
     */
    void hash(ByteBuffer block) {
        sha1.update(block);
        hashed++;
    }

    /** Every block written and hashed. */
    boolean complete() {
        return hashed == blockCount;
    }

    /** Finishes the digest into {@code out[0..20)}; the state must be reset before reuse. */
    void digest(byte[] out) {
        try {
            sha1.digest(out, 0, PieceHashes.SHA1_LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    int[] peers() {
        return Arrays.copyOf(peers, peerCount);
    }

    static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
