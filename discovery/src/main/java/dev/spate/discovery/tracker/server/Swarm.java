package dev.spate.discovery.tracker.server;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The peers of one torrent. Two views of the same set: a map in order of last announce (so the
 * stalest peer is first, and expiry and eviction look only at the head), and an array for picking
 * peers at random in O(wanted). Owned by the tracker's event loop.
 */
final class Swarm {
    private final LinkedHashMap<Peer.Key, Peer> byAge = new LinkedHashMap<>();
    private Peer[] slots = new Peer[8];
    private int seeders;
    /** Peers that announced {@code completed} here: the scrape's {@code downloaded}. */
    private int completed;

    int size() {
        return byAge.size();
    }

    int seeders() {
        return seeders;
    }

    int leechers() {
        return byAge.size() - seeders;
    }

    int completed() {
        return completed;
    }

    void countCompleted() {
        if (completed < Integer.MAX_VALUE) {
            completed++;
        }
    }

    Peer get(Peer.Key key) {
        return byAge.get(key);
    }

    /** Records a new announce of {@code peer}: it becomes the freshest. */
    void touch(Peer peer, boolean seed, long nowNanos) {
        byAge.remove(peer.key);
        byAge.put(peer.key, peer);
        if (peer.seed != seed) {
            seeders += seed ? 1 : -1;
            peer.seed = seed;
        }
        peer.lastSeenNanos = nowNanos;
    }

    void add(Peer peer) {
        byAge.put(peer.key, peer);
        if (byAge.size() > slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        peer.slot = byAge.size() - 1;
        slots[peer.slot] = peer;
        if (peer.seed) {
            seeders++;
        }
    }

    boolean remove(Peer.Key key) {
        Peer peer = byAge.remove(key);
        if (peer == null) {
            return false;
        }
        int last = byAge.size();
        Peer moved = slots[last];
        slots[peer.slot] = moved;
        moved.slot = peer.slot;
        slots[last] = null;
        if (peer.seed) {
            seeders--;
        }
        return true;
    }

    /** The peer that announced longest ago, or null. */
    Peer stalest() {
        Iterator<Peer> it = byAge.values().iterator();
        return it.hasNext() ? it.next() : null;
    }

    /** Drops the peers last seen before {@code cutoffNanos}; returns how many. */
    int expire(long cutoffNanos) {
        int n = 0;
        for (Peer p = stalest(); p != null && p.lastSeenNanos - cutoffNanos < 0; p = stalest()) {
            remove(p.key);
            n++;
        }
        return n;
    }

    /**
     * Adds up to {@code wanted} peers to {@code out}, from a random place in the array onwards,
     * skipping {@code self}, seeds if {@code skipSeeds} (a seed has no use for them), and peers of
     * the other address family than {@code ipv6} unless {@code anyFamily}.
     */
    void pick(Peer self, int wanted, boolean skipSeeds, boolean anyFamily, boolean ipv6, RandomGenerator random,
            List<Peer> out) {
        int n = byAge.size();
        if (n == 0 || wanted <= 0) {
            return;
        }
        int at = random.nextInt(n);
        for (int seen = 0; seen < n && out.size() < wanted; seen++, at = at + 1 == n ? 0 : at + 1) {
            Peer p = slots[at];
            if (p == self || (skipSeeds && p.seed) || (!anyFamily && p.isIpv6() != ipv6)) {
                continue;
            }
            out.add(p);
        }
    }
}
