package dev.spate.disk;

import java.util.Arrays;

/** The expected SHA-1 of every piece (BitTorrent v1), as the metainfo's {@code pieces} string holds them. */
public final class PieceHashes {

    public static final int SHA1_LENGTH = 20;

    private final byte[] hashes;

    private PieceHashes(byte[] hashes) {
        this.hashes = hashes;
    }

    /**
     * @param concatenated the 20-byte hashes of all pieces, in order (copied)
     * @throws IllegalArgumentException if the length is not a positive multiple of 20
     */
    public static PieceHashes of(byte[] concatenated) {
        if (concatenated.length == 0 || concatenated.length % SHA1_LENGTH != 0) {
            throw new IllegalArgumentException("piece hashes: " + concatenated.length
                    + " bytes is not a positive multiple of " + SHA1_LENGTH);
        }
        return new PieceHashes(concatenated.clone());
    }

    public int pieceCount() {
        return hashes.length / SHA1_LENGTH;
    }

    /** A copy of the piece's hash. */
    public byte[] get(int piece) {
        int from = checked(piece);
        return Arrays.copyOfRange(hashes, from, from + SHA1_LENGTH);
    }

    /** Whether {@code digest[0..20)} is the piece's hash. */
    public boolean matches(int piece, byte[] digest) {
        int from = checked(piece);
        return Arrays.equals(hashes, from, from + SHA1_LENGTH, digest, 0, SHA1_LENGTH);
    }

    private int checked(int piece) {
        if (piece < 0 || piece >= pieceCount()) {
            throw new IllegalArgumentException("piece " + piece + " is out of range [0, " + pieceCount() + ")");
        }
        return piece * SHA1_LENGTH;
    }
}
