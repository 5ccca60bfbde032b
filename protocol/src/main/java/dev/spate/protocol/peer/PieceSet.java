package dev.spate.protocol.peer;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The pieces a torrent has verified: written by the selection thread, read by any thread (peers
 * check requests against it without asking selection). Bits are only ever set while a torrent
 * runs; clearing happens only when the torrent is stopped.
 */
public final class PieceSet {
    private final int pieceCount;
    private final AtomicLongArray words;

    public PieceSet(int pieceCount) {
        this.pieceCount = pieceCount;
        this.words = new AtomicLongArray((pieceCount + 63) >>> 6);
    }

    public int pieceCount() {
        return pieceCount;
    }

    public boolean has(int piece) {
        return piece >= 0 && piece < pieceCount && (words.get(piece >>> 6) & (1L << piece)) != 0;
    }

    public void set(int piece) {
        int w = piece >>> 6;
        long bit = 1L << piece;
        long old;
        do {
            old = words.get(w);
        } while ((old & bit) == 0 && !words.compareAndSet(w, old, old | bit));
    }

    public void clearAll() {
        for (int i = 0; i < words.length(); i++) {
            words.set(i, 0);
        }
    }

    public boolean hasAll() {
        return cardinality() == pieceCount;
    }

    public int cardinality() {
        int n = 0;
        for (int i = 0; i < words.length(); i++) {
            n += Long.bitCount(words.get(i));
        }
        return n;
    }

    /** A snapshot as the wire's bitfield bytes: piece 0 is the high bit of the first byte. */
    public byte[] toBitfield() {
        byte[] out = new byte[(pieceCount + 7) >>> 3];
        for (int p = 0; p < pieceCount; p++) {
            if (has(p)) {
                out[p >>> 3] |= (byte) (0x80 >>> (p & 7));
            }
        }
        return out;
    }

    public BitSet toBitSet() {
        BitSet bits = new BitSet(pieceCount);
        for (int p = 0; p < pieceCount; p++) {
            if (has(p)) {
                bits.set(p);
            }
        }
        return bits;
    }
}
