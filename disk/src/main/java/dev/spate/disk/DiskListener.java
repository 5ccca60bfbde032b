package dev.spate.disk;

/**
 * What a torrent's disk tells the layer above (selection). Called on disk threads: implementations
 * must not block and must not throw (post to an inbox and return). Calls for one piece come from
 * one thread, in order.
 */
public interface DiskListener {

    /** Every block of the piece is written and the piece matches its hash. Never withdrawn by a later error. */
    void pieceVerified(int piece);

    /**
     * The piece's blocks are all in but it does not match its hash. Its state is reset: every block
     * must be downloaded again.
     *
     * @param peerIds the distinct peers that contributed blocks, in the order they first did
     */
    void pieceFailed(int piece, int[] peerIds);

    /**
     * A disk operation failed. If it failed while writing or hashing a piece being downloaded
     * ({@code operation()} WRITE or READ, {@code piece() >= 0}), that piece's progress is lost (its
     * state was reset) and all its blocks must be requested again. Verified pieces are never
     * affected. Reads for upload report their failures to their callback, not here.
     */
    void diskError(DiskError error);
}
