package dev.spate.handshake;

/** What {@link PeerDialer#connect} did with a dial; the answer is immediate. */
public enum DialResult {
    /** The dial is under way; the {@link HandshakeCallback} will hear how it ends, exactly once. */
    STARTED,
    /** Refused: as many connections as allowed are still connecting. Nothing was started. */
    REFUSED_HALF_OPEN_LIMIT,
    /** Refused: the transport is shutting down. Nothing was started. */
    REFUSED_SHUTTING_DOWN
}
