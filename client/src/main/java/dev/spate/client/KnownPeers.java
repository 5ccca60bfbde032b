package dev.spate.client;

import dev.spate.client.store.KnownPeer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peers a torrent has known, for the session store: when each was last connected, and how
 * its dials have failed. Bounded: the least useful are forgotten first. Selection thread.
 */
final class KnownPeers {
    static final int CAPACITY = 200;

    private final Map<InetSocketAddress, KnownPeer> peers = new LinkedHashMap<>();
    private boolean changed;

    void restore(List<KnownPeer> stored) {
        for (KnownPeer p : stored) {
            if (peers.size() < CAPACITY) {
                peers.put(InetSocketAddress.createUnresolved(p.host(), p.port()), p);
            }
        }
    }

    /** The addresses worth trying first: last seen most recently, failing least. */
    List<InetSocketAddress> addresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (KnownPeer p : sorted()) {
            InetSocketAddress a = new InetSocketAddress(p.host(), p.port());
            if (!a.isUnresolved()) {
                out.add(a);
            }
        }
        return out;
    }

    void connected(InetSocketAddress address, long nowMillis) {
        put(address, new KnownPeer(host(address), address.getPort(), nowMillis, 0, null));
    }

    void failed(InetSocketAddress address, String reason) {
        KnownPeer old = peers.get(key(address));
        put(address, new KnownPeer(host(address), address.getPort(), old == null ? 0 : old.lastSeenMillis(),
                old == null ? 1 : old.failures() + 1, reason));
    }

    /** The peers to store, if they changed since the last call. */
    List<KnownPeer> takeChanges() {
        if (!changed) {
            return null;
        }
        changed = false;
        return sorted();
    }

    private void put(InetSocketAddress address, KnownPeer peer) {
        InetSocketAddress key = key(address);
        peers.put(key, peer);
        changed = true;
        if (peers.size() > CAPACITY) {
            List<KnownPeer> byUse = sorted();
            KnownPeer worst = byUse.get(byUse.size() - 1);
            peers.remove(InetSocketAddress.createUnresolved(worst.host(), worst.port()));
        }
    }

    private List<KnownPeer> sorted() {
        List<KnownPeer> list = new ArrayList<>(peers.values());
        list.sort(Comparator.comparingInt(KnownPeer::failures)
                .thenComparing(Comparator.comparingLong(KnownPeer::lastSeenMillis).reversed()));
        return list;
    }

    private static InetSocketAddress key(InetSocketAddress a) {
        return InetSocketAddress.createUnresolved(host(a), a.getPort());
    }

    private static String host(InetSocketAddress a) {
        return a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
    }
}
