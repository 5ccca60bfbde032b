package dev.spate.client;

import dev.spate.handshake.DialResult;
import dev.spate.handshake.HandshakeCallback;
import dev.spate.handshake.HandshakeDirection;
import dev.spate.handshake.HandshakeFailure;
import dev.spate.handshake.HandshakeResult;
import dev.spate.handshake.InboundTorrents;
import dev.spate.handshake.PeerDialer;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Joins the handshake layer to torrents: which info hashes we serve (for incoming connections),
 * which torrent each dial is for, and what to run once a handshake completes. A failed dial is
 * reported by address only, so one address is dialed for one torrent at a time; other torrents
 * that want the same peer wait their turn (several torrents of one client often share a peer).
 * Thread-safe.
 */
final class PeerWiring implements HandshakeCallback, InboundTorrents {
    private final Map<InfoHash, Torrent> active = new ConcurrentHashMap<>();
    /** Per address: the torrent being dialed for (first), then those waiting. Guarded by itself. */
    private final Map<InetSocketAddress, ArrayDeque<Torrent>> dialing = new HashMap<>();
    private volatile PeerDialer dialer;

    void dialer(PeerDialer dialer) {
        this.dialer = dialer;
    }

    /** The torrent takes peers now (incoming and dialed). */
    void activate(Torrent torrent) {
        active.put(torrent.wireId(), torrent);
    }

    void deactivate(Torrent torrent) {
        active.remove(torrent.wireId(), torrent);
    }

    @Override
    public boolean serves(byte[] infoHash) {
        return active.containsKey(InfoHash.of(infoHash));
    }

    /** Dials a peer for a torrent; a refusal or failure comes back through {@link Torrent#dialFailed}. */
    void dial(Torrent torrent, InetSocketAddress address) {
        synchronized (dialing) {
            ArrayDeque<Torrent> queue = dialing.computeIfAbsent(address, a -> new ArrayDeque<>());
            if (queue.contains(torrent)) {
                torrent.dialFailed(address, "already being dialed");
                return;
            }
            queue.add(torrent);
            if (queue.size() > 1) {
                return; // its turn comes when the dial in flight ends
            }
        }
        start(address, torrent);
    }

    private void start(InetSocketAddress address, Torrent torrent) {
        DialResult result = dialer.connect(address, torrent.wireId());
        if (result != DialResult.STARTED) {
            torrent.dialFailed(address, result.toString());
            next(address);
        }
    }

    /** The dial in flight to an address ended: the next torrent waiting for it dials. */
    private Torrent next(InetSocketAddress address) {
        Torrent done;
        Torrent waiting;
        synchronized (dialing) {
            ArrayDeque<Torrent> queue = dialing.get(address);
            if (queue == null) {
                return null;
            }
            done = queue.poll();
            waiting = queue.peek();
            if (waiting == null) {
                dialing.remove(address);
            }
        }
        if (waiting != null) {
            start(address, waiting);
        }
        return done;
    }

    @Override
    public void established(Channel channel, HandshakeResult result) {
        InetSocketAddress address = (InetSocketAddress) result.remoteAddress();
        if (result.direction() == HandshakeDirection.OUTBOUND) {
            next(address);
        }
        Torrent torrent = active.get(InfoHash.of(result.remote().infoHash()));
        if (torrent == null) {
            channel.close(); // paused or removed while the handshake ran
            return;
        }
        torrent.attachPeer(channel, result, address);
    }

    @Override
    public void failed(SocketAddress remoteAddress, HandshakeFailure reason) {
        if (remoteAddress instanceof InetSocketAddress address) {
            Torrent torrent = next(address);
            if (torrent != null) {
                torrent.dialFailed(address, reason.toString());
            }
        }
    }
}
