package dev.spate.client;

import dev.spate.handshake.HandshakeResult;
import dev.spate.protocol.ExtensionHandshake;
import dev.spate.protocol.WireDecoder;
import dev.spate.protocol.peer.BlockSource;
import dev.spate.protocol.peer.PeerConnection;
import dev.spate.protocol.peer.PeerContext;
import dev.spate.protocol.peer.PeerLink;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A torrent's peers as the client sees them: the wire protocol put on each connection whose
 * handshake completed, the addresses given by the user and the session, and the record of how
 * each address fared (for the session store).
 */
final class TorrentPeers {
    private static final int MAX_QUEUED_REQUESTS = 500;
    private static final int MAX_READS_IN_FLIGHT = 16;

    private final Torrent torrent;
    private final Engine engine;
    private final List<InetSocketAddress> given;
    private final List<InetSocketAddress> added = new ArrayList<>(); // selection
    private final AtomicInteger nextPeerId = new AtomicInteger();
    private final ExtensionHandshake ourExtensions;
    final KnownPeers known = new KnownPeers(); // selection
    /** What each peer showed on the wire, for {@link TorrentHandle#peers()}. */
    final PeerTable table = new PeerTable();

    TorrentPeers(Torrent torrent, List<InetSocketAddress> given) {
        this.torrent = torrent;
        this.engine = torrent.engine;
        this.given = List.copyOf(given);
        this.ourExtensions = ExtensionHandshake.empty().withClient("spate " + Version.VERSION)
                .withRequestQueueLength(MAX_QUEUED_REQUESTS)
                .withPrefersEncryption(torrent.encryption().prefersEncryption());
    }

    /** Addresses to try when a run starts: given, added, then those the session knew. Selection thread. */
    List<InetSocketAddress> candidates() {
        List<InetSocketAddress> out = new ArrayList<>(given);
        out.addAll(added);
        out.addAll(known.addresses());
        return out;
    }

    /** A handshake for this torrent completed: put the wire protocol on the channel. Event loop. */
    void attach(Channel channel, HandshakeResult result, InetSocketAddress address) {
        TorrentData d = torrent.data();
        if (d == null) {
            channel.close();
            return;
        }
        int id = nextPeerId.getAndIncrement();
        PeerLink link = new PeerLink(id, engine.config().linkSlots(),
                table.watch(id, address, result, engine.selection()));
        BlockSource blocks = result.encryption().transformsPayload() ? d.memorySource : d.source;
        PeerContext context = new PeerContext(d.have, blocks, d.layout.pieceLength(), d.layout.totalLength(),
                result.shared().fastExtension(), result.shared().extensionProtocol(),
                ourExtensions.withListenPort(engine.listenPort().getAsInt()), MAX_QUEUED_REQUESTS, MAX_READS_IN_FLIGHT,
                engine.config().keepAliveInterval(), engine.config().idleTimeout());
        PeerConnection.install(channel, link, context, new WireDecoder());
        engine.config().peerChannelHook().accept(channel);
        engine.selection().execute(() -> {
            SwarmSession s = torrent.session();
            if (s == null) {
                channel.close();
            } else {
                known.connected(address, System.currentTimeMillis());
                s.swarm().peerJoined(link, address, engine.selection().now());
            }
        });
    }

    void dialFailed(InetSocketAddress address, String reason) {
        engine.selection().execute(() -> {
            known.failed(address, reason);
            SwarmSession s = torrent.session();
            if (s != null) {
                s.swarm().connectFailed(address, engine.selection().now());
            }
        });
    }

    /** Any thread. */
    void add(InetSocketAddress address) {
        engine.selection().execute(() -> {
            added.add(address);
            SwarmSession s = torrent.session();
            if (s != null) {
                s.swarm().addCandidates(List.of(address));
            }
        });
    }
}
