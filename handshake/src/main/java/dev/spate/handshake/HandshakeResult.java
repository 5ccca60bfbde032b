package dev.spate.handshake;

import java.net.SocketAddress;

/**
 * A completed handshake.
 *
 * @param remote the peer's handshake
 * @param direction who opened the connection
 * @param remoteAddress the peer's address as the socket sees it
 * @param shared the capabilities both ends set: the extensions this connection may use
 * @param encryption what protects the stream from here on
 */
public record HandshakeResult(Handshake remote, HandshakeDirection direction, SocketAddress remoteAddress,
                              Capabilities shared, Encryption encryption) {

    /** A result of a plain handshake (no MSE). */
    public HandshakeResult(Handshake remote, HandshakeDirection direction, SocketAddress remoteAddress,
                           Capabilities shared) {
        this(remote, direction, remoteAddress, shared, Encryption.NONE);
    }
}
