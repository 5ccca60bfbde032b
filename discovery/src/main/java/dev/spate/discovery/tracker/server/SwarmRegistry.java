package dev.spate.discovery.tracker.server;

import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.ScrapeStats;
import dev.spate.discovery.tracker.wire.CompactPeers;
import dev.spate.metainfo.InfoHash;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Every swarm the tracker knows, with hard caps so that no stream of announces can grow it
 * without limit: at most {@code maxSwarms} torrents (the least recently announced one is dropped
 * for a new one), {@code maxPeersPerSwarm} peers a torrent and {@code maxPeers} in all (the
 * stalest go first). Peers silent for two intervals expire. Owned by the tracker's event loop.
 */
final class SwarmRegistry {
    /**
     * What an announce returns: peers for the reply and the swarm's counts. The list is the
     * registry's scratch space, valid until its next call (a reply is written before that).
     */
    record Outcome(List<Peer> peers, int seeders, int leechers) {
    }

    /** Which peers a reply can carry. */
    enum Family { IPV4, IPV6, ANY }

    private final TrackerConfig config;
    private final long peerTimeoutNanos;
    private final RandomGenerator random;
    private final List<Peer> picked = new ArrayList<>();
    /** In access order: the first swarm is the one announced to longest ago. */
    private final LinkedHashMap<InfoHash, Swarm> swarms = new LinkedHashMap<>(64, 0.75f, true);
    private int peers;

    SwarmRegistry(TrackerConfig config, RandomGenerator random) {
        this.config = config;
        this.peerTimeoutNanos = config.peerTimeout().toNanos();
        this.random = random;
    }

    int swarmCount() {
        return swarms.size();
    }

    int peerCount() {
        return peers;
    }

    /**
     * Records an announce and picks peers for the reply. A {@code stopped} peer is removed and gets
     * no peers; a stopped announce for an unknown torrent creates nothing.
     */
    Outcome announce(InfoHash hash, byte[] ip, int port, byte[] peerId, AnnounceEvent event, long left,
            int numWant, Family family, long nowNanos) {
        Peer.Key key = Peer.Key.of(ip, port);
        Swarm swarm = swarms.get(hash);
        if (event == AnnounceEvent.STOPPED) {
            if (swarm != null && swarm.remove(key)) {
                peers--;
                dropIfEmpty(hash, swarm);
            }
            return swarm == null ? new Outcome(List.of(), 0, 0) : new Outcome(List.of(), swarm.seeders(),
                    swarm.leechers());
        }
        if (swarm == null) {
            swarm = new Swarm();
            swarms.put(hash, swarm);
            evictSwarms();
        } else {
            peers -= swarm.expire(nowNanos - peerTimeoutNanos);
        }
        boolean seed = left == 0;
        Peer peer = swarm.get(key);
        if (peer == null) {
            if (swarm.size() >= config.maxPeersPerSwarm()) {
                swarm.remove(swarm.stalest().key);
                peers--;
            }
            peer = new Peer(key, CompactPeers.encode(ip, port), peerId, seed, nowNanos);
            swarm.add(peer);
            peers++;
            evictPeers(swarm);
        } else {
            peer.peerId = peerId;
            swarm.touch(peer, seed, nowNanos);
        }
        if (event == AnnounceEvent.COMPLETED) {
            swarm.countCompleted();
        }
        int wanted = numWant < 0 ? config.defaultNumWant() : Math.min(numWant, config.maxNumWant());
        picked.clear();
        swarm.pick(peer, wanted, seed, family == Family.ANY, family == Family.IPV6, random, picked);
        return new Outcome(picked, swarm.seeders(), swarm.leechers());
    }

    /** The counts of one torrent; an unknown torrent has all zeros (and is not created). */
    ScrapeStats scrape(InfoHash hash) {
        Swarm swarm = swarms.get(hash);
        return swarm == null ? new ScrapeStats(0, 0, 0)
                : new ScrapeStats(swarm.seeders(), swarm.completed(), swarm.leechers());
    }

    /** Drops every peer silent for two intervals, and the swarms left empty. */
    void expire(long nowNanos) {
        long cutoff = nowNanos - peerTimeoutNanos;
        for (Iterator<Swarm> it = swarms.values().iterator(); it.hasNext(); ) {
            Swarm swarm = it.next();
            peers -= swarm.expire(cutoff);
            if (swarm.size() == 0) {
                it.remove();
            }
        }
    }

    private void evictSwarms() {
        Iterator<Map.Entry<InfoHash, Swarm>> it = swarms.entrySet().iterator();
        while (swarms.size() > config.maxSwarms()) {
            Swarm oldest = it.next().getValue();
            peers -= oldest.size();
            it.remove();
        }
    }

    /** Over the global cap: the stalest peers of the least recently used swarms go, never the current one's. */
    private void evictPeers(Swarm current) {
        Iterator<Swarm> it = swarms.values().iterator();
        while (peers > config.maxPeers() && it.hasNext()) {
            Swarm swarm = it.next();
            if (swarm == current) {
                continue;
            }
            while (peers > config.maxPeers() && swarm.size() > 0) {
                swarm.remove(swarm.stalest().key);
                peers--;
            }
            if (swarm.size() == 0) {
                it.remove();
            }
        }
    }

    private void dropIfEmpty(InfoHash hash, Swarm swarm) {
        if (swarm.size() == 0) {
            swarms.remove(hash);
        }
    }
}
