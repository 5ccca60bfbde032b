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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Joins the handshake layer to torrents: which info hashes we serve (for incoming connections),
 * which torrent each dial is for, and what to run once a handshake completes. Thread-safe.
 */
final class PeerWiring implements HandshakeCallback, InboundTorrents {
    private final Map<InfoHash, Torrent> active = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, Torrent> dialing = new ConcurrentHashMap<>();
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
        if (dialing.putIfAbsent(address, torrent) != null) {
            torrent.dialFailed(address); // already being dialed (for this or another torrent)
            return;
        }
        if (dialer.connect(address, torrent.wireId(), torrent.encryption()) != DialResult.STARTED) {
            dialing.remove(address, torrent);
            torrent.dialFailed(address);
        }
    }

    @Override
    public void established(Channel channel, HandshakeResult result) {
        InetSocketAddress address = (InetSocketAddress) result.remoteAddress();
        if (result.direction() == HandshakeDirection.OUTBOUND) {
            dialing.remove(address);
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
            Torrent torrent = dialing.remove(address);
            if (torrent != null) {
                torrent.dialFailed(address);
            }
        }
    }
}
