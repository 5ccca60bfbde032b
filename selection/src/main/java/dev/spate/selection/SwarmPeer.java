package dev.spate.selection;

import dev.spate.protocol.peer.PeerLink;
import dev.spate.selection.picker.PeerPieces;
import java.net.InetSocketAddress;
import java.util.BitSet;

/** Selection's view of one connected peer. Owned by the selection thread. */
final class SwarmPeer implements PeerPieces {
    final Swarm swarm;
    final PeerLink link;
    final InetSocketAddress address;
    final long connectedAt;
    final BitSet pieces = new BitSet();
    final RateMeter download = new RateMeter(6);
    final RateMeter upload = new RateMeter(6);

    boolean seed;
    /** The remote chokes us / is interested in us. */
    boolean peerChoking = true;
    boolean peerInterested;
    /** We choke the remote / are interested in it (as last ordered). */
    boolean amChoking = true;
    boolean amInterested;
    /** Requests in flight to this peer, as selection counts them. */
    int outstanding;
    /** The most requests the remote wants queued (its reqq); 250 until it says. */
    int remoteQueueLimit = 250;
    long lastBlockAt;
    /** Download bytes this peer may still request while rates are limited (see {@link Bandwidth}). */
    long downloadCredit;
    boolean snubbed;
    /** Orders are pending and must be sent at the end of this turn. */
    boolean dirty;
    /** Orders could not be sent for want of a slot; they go when the link says a slot is free. */
    boolean blocked;

    SwarmPeer(Swarm swarm, PeerLink link, InetSocketAddress address, long now) {
        this.swarm = swarm;
        this.link = link;
        this.address = address;
        this.connectedAt = now;
        this.lastBlockAt = now;
    }

    @Override
    public int id() {
        return link.peerId();
    }

    @Override
    public boolean has(int piece) {
        return seed || pieces.get(piece);
    }

    @Override
    public String toString() {
        return address + "#" + id();
    }
}
