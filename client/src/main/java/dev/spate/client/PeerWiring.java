package dev.spate.client;

import dev.spate.handshake.DialResult;
import dev.spate.handshake.EncryptionPolicy;
import dev.spate.handshake.HandshakeCallback;
import dev.spate.handshake.HandshakeDirection;
import dev.spate.handshake.HandshakeFailure;
import dev.spate.handshake.HandshakeResult;
import dev.spate.handshake.InboundTorrents;
import dev.spate.handshake.PeerDialer;
import dev.spate.handshake.mse.ObfuscatedInfoHashes;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** Per address: the torrent being dialed for (first), then those waiting; lists are replaced, never changed. */
    private final Map<InetSocketAddress, List<Torrent>> dialing = new ConcurrentHashMap<>();
    private final ObfuscatedInfoHashes obfuscated = new ObfuscatedInfoHashes();
    private volatile PeerDialer dialer;

    void dialer(PeerDialer dialer) {
        this.dialer = dialer;
    }

    /** The torrent takes peers now (incoming and dialed). */
    void activate(Torrent torrent) {
        active.put(torrent.wireId(), torrent);
        obfuscated.add(torrent.wireId().wireId());
    }

    void deactivate(Torrent torrent) {
        if (active.remove(torrent.wireId(), torrent)) {
            obfuscated.remove(torrent.wireId().wireId());
        }
    }

    @Override
    public boolean serves(byte[] infoHash) {
        return active.containsKey(InfoHash.of(infoHash));
    }

    @Override
    public byte[] byObfuscatedHash(byte[] req2Hash) {
        return obfuscated.find(req2Hash);
    }

    @Override
    public Optional<EncryptionPolicy> encryption(byte[] infoHash) {
        return Optional.ofNullable(active.get(InfoHash.of(infoHash))).map(Torrent::encryption);
    }

    /** Dials a peer for a torrent; a refusal or failure comes back through {@link Torrent#dialFailed}. */
    void dial(Torrent torrent, InetSocketAddress address) {
        boolean[] again = new boolean[1];
        List<Torrent> queue = dialing.compute(address, (a, q) -> {
            if (q == null) {
                return List.of(torrent);
            }
            again[0] = q.contains(torrent);
            return again[0] ? q : append(q, torrent);
        });
        if (again[0]) {
            torrent.dialFailed(address, "already being dialed");
        } else if (queue.get(0) == torrent) {
            start(address, torrent);
        } // else its turn comes when the dial in flight ends
    }

    private static List<Torrent> append(List<Torrent> list, Torrent t) {
        List<Torrent> out = new ArrayList<>(list);
        out.add(t);
        return List.copyOf(out);
    }

    private void start(InetSocketAddress address, Torrent torrent) {
        DialResult result = dialer.connect(address, torrent.wireId(), torrent.encryption());
        if (result != DialResult.STARTED) {
            torrent.dialFailed(address, result.toString());
            next(address);
        }
    }

    /** The dial in flight to an address ended: the next torrent waiting for it dials. */
    private Torrent next(InetSocketAddress address) {
        Torrent[] done = new Torrent[1];
        List<Torrent> rest = dialing.computeIfPresent(address, (a, q) -> {
            done[0] = q.get(0);
            return q.size() == 1 ? null : List.copyOf(q.subList(1, q.size()));
        });
        if (rest != null) {
            start(address, rest.get(0));
        }
        return done[0];
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
