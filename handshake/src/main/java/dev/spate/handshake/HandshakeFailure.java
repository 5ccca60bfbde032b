package dev.spate.handshake;

/** Why a connection did not get past the handshake. */
public enum HandshakeFailure {
    /** The TCP connection could not be made (refused, unreachable, reset). */
    CONNECT_FAILED,
    /** The TCP connection was not made within the connect timeout. */
    CONNECT_TIMEOUT,
    /** The handshake did not complete within the handshake timeout. */
    TIMEOUT,
    /** pstrlen or pstr was not BitTorrent's. */
    BAD_PROTOCOL,
    /** An incoming connection asked for a torrent we do not serve; it was dropped unanswered. */
    UNKNOWN_INFO_HASH,
    /** The peer we dialed answered with another torrent's info hash. */
    INFO_HASH_MISMATCH,
    /** The peer closed the connection before the handshake completed. */
    CONNECTION_CLOSED,
    /** The socket failed (an I/O error) before the handshake completed. */
    IO_ERROR,
    /** The remote peer id is our own: we connected to ourselves. */
    CONNECTED_TO_SELF,
    /**
     * The encrypted (MSE) handshake failed: the peer closed the connection during it (a peer
     * that does not speak MSE does), or sent what does not decrypt. A dial with policy
     * {@code prefer} tries again with a plain handshake.
     */
    ENCRYPTION_FAILED,
    /**
     * The encryption policy refused the peer: a plain handshake for a torrent that requires
     * encryption, or an encrypted one offering no method the policy accepts.
     */
    ENCRYPTION_REFUSED
}
