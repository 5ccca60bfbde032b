package dev.spate.client;

import dev.spate.handshake.HandshakeDirection;
import dev.spate.handshake.HandshakeResult;
import dev.spate.protocol.ExtensionHandshake;
import dev.spate.protocol.peer.PeerLink;
import dev.spate.protocol.peer.PeerReport;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peers of one torrent for {@link TorrentHandle#peers()}: those connected, and the last few
 * that left. It learns what each peer sent by watching its reports on their way to selection (a
 * few field reads per report, on the peer's event loop); it changes nothing in them. Thread-safe.
 */
final class PeerTable {
    /** How many departed peers are remembered, newest first. */
    static final int RECENTLY_CLOSED = 32;

    private final Map<Integer, Entry> open = new ConcurrentHashMap<>();
    private final Deque<PeerInfo> closed = new ArrayDeque<>(); // guarded by itself

    /**
     * Records a peer whose handshake completed, and returns the upstream its link should report to:
     * {@code upstream} itself, watched.
     */
    PeerLink.Upstream watch(int peerId, InetSocketAddress address, HandshakeResult handshake,
            PeerLink.Upstream upstream) {
        Entry entry = new Entry(address, handshake);
        open.put(peerId, entry);
        return new Watch(peerId, entry, upstream);
    }

    /** Connected peers first, then the departed ones, newest first. */
    List<PeerInfo> snapshot() {
        List<PeerInfo> list = new ArrayList<>();
        for (Entry e : open.values()) {
            list.add(e.info(Optional.empty()));
        }
        synchronized (closed) {
            list.addAll(closed);
        }
        return list;
    }

    private void closed(int peerId, String reason) {
        Entry e = open.remove(peerId);
        if (e == null) {
            return;
        }
        synchronized (closed) {
            closed.addFirst(e.info(Optional.of(reason == null ? "closed" : reason)));
            if (closed.size() > RECENTLY_CLOSED) {
                closed.removeLast();
            }
        }
    }

    private static final class Entry {
        final InetSocketAddress address;
        final HandshakeResult handshake;
        volatile ExtensionHandshake extensionHandshake;
        volatile boolean sentFastMessage;

        Entry(InetSocketAddress address, HandshakeResult handshake) {
            this.address = address;
            this.handshake = handshake;
        }

        PeerInfo info(Optional<String> closedBecause) {
            return new PeerInfo(address, handshake.direction() == HandshakeDirection.OUTBOUND,
                    handshake.remote().peerId().client(), handshake.remote().capabilities(),
                    Optional.ofNullable(extensionHandshake), sentFastMessage, closedBecause);
        }
    }

    /** Reads a report on the peer's event loop before it goes on to selection. */
    private final class Watch implements PeerLink.Upstream {
        private final int peerId;
        private final Entry entry;
        private final PeerLink.Upstream upstream;

        Watch(int peerId, Entry entry, PeerLink.Upstream upstream) {
            this.peerId = peerId;
            this.entry = entry;
            this.upstream = upstream;
        }

        @Override
        public void reportReady(PeerLink link, PeerReport report) {
            if (report.extensionHandshake instanceof ExtensionHandshake h) {
                entry.extensionHandshake = h;
            }
            if (report.haveAll || report.haveNone || !report.allowedFast.isEmpty() || !report.suggested.isEmpty()) {
                entry.sentFastMessage = true;
            }
            if (report.closed) {
                closed(peerId, report.closeReason);
            }
            upstream.reportReady(link, report); // from here on the report is selection's
        }

        @Override
        public void ordersSlotFree(PeerLink link) {
            upstream.ordersSlotFree(link);
        }
    }
}
