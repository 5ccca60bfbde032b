package dev.spate.selection;

import java.net.InetSocketAddress;

/**
 * Dials peers for the selection thread. The outcome comes back later: a peer that completes its
 * handshake joins the swarm; one that fails is reported with {@code Swarm.connectFailed}.
 */
public interface PeerConnector {
    void connect(InetSocketAddress address);
}
