package dev.spate.handshake;

import io.netty.channel.Channel;
import java.net.SocketAddress;

/**
 * What runs after a handshake; the client supplies it, so that this module knows nothing of the
 * wire protocol. Every connection a {@link PeerListener} accepts, and every dial that
 * {@link PeerDialer#connect} started, ends in exactly one call of one of these methods, on the
 * channel's event loop. Implementations must not block.
 */
public interface HandshakeCallback {

    /**
     * The handshake succeeded. Install the next handlers here (for instance
     * {@code channel.pipeline().addLast(decoder, encoder, peer)}); when this returns, the
     * handshake handler removes itself and passes any bytes that arrived after the handshake to
     * them. To refuse the peer (a torrent full of peers, a banned id), close the channel.
     */
    void established(Channel channel, HandshakeResult result);

    /** The connection ended before a handshake completed; the channel is already closing. */
    void failed(SocketAddress remoteAddress, HandshakeFailure reason);
}
