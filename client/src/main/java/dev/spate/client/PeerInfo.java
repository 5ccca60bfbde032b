package dev.spate.client;

import dev.spate.handshake.Capabilities;
import dev.spate.protocol.ExtensionHandshake;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One peer of a torrent as spate saw it on the wire: what it advertised and sent, and, once it is
 * gone, why. For display and diagnostics (which extensions a swarm's clients use, why a
 * connection ended); the client name comes from the peer id and is easy to fake.
 *
 * @param address             its address as the socket sees it
 * @param outgoing            we dialed it (false: it connected to us)
 * @param client              the client its peer id names (BEP 20), e.g. "libtorrent 2.0.8.0"
 * @param capabilities        the reserved bits of its handshake: extension protocol (BEP 10), fast extension (BEP 6), DHT
 * @param extensionHandshake  its BEP 10 extension handshake, once one has arrived
 * @param sentFastMessage     it sent a BEP 6 message: have all, have none, allowed fast or suggest
 * @param closedBecause       why the connection ended, for a peer that is gone; empty while connected
 */
public record PeerInfo(InetSocketAddress address, boolean outgoing, String client, Capabilities capabilities,
        Optional<ExtensionHandshake> extensionHandshake, boolean sentFastMessage, Optional<String> closedBecause) {

    public boolean connected() {
        return closedBecause.isEmpty();
    }
}
