package dev.spate.handshake;

/** Who opened the connection. */
public enum HandshakeDirection {
    /** The peer connected to our listening port. */
    INBOUND,
    /** We dialed the peer. */
    OUTBOUND
}
