package dev.spate.selection;

import java.net.InetSocketAddress;

/**
 * What a swarm tells the client about. Called on the selection thread: implementations hand the
 * news on (to an executor, a volatile snapshot) and return at once.
 */
public interface SwarmListener {

    void pieceVerified(int piece);

    /** Every wanted piece is verified. */
    void finished();

    void peerBanned(InetSocketAddress address, String reason);
}
