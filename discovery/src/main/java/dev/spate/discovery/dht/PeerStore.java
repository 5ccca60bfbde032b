package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.discovery.tracker.wire.CompactPeers;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The peers other nodes announced to us, per info hash, each kept until {@code ttl} after its last
 * announce. Capped: beyond {@code maxTorrents} the torrent announced to longest ago goes, beyond
 * {@code maxPeersPerTorrent} its peer that announced longest ago.
 */
final class PeerStore {
    private final int maxTorrents;
    private final int maxPeersPerTorrent;
    private final long ttlNanos;
    /** Insertion order is announce order: a new announce moves the torrent and the peer to the end. */
    private final LinkedHashMap<NodeId, LinkedHashMap<InetSocketAddress, Long>> torrents = new LinkedHashMap<>();
    private int peers;

    PeerStore(int maxTorrents, int maxPeersPerTorrent, long ttlNanos) {
        this.maxTorrents = maxTorrents;
        this.maxPeersPerTorrent = maxPeersPerTorrent;
        this.ttlNanos = ttlNanos;
    }

    void add(NodeId infoHash, InetSocketAddress peer, long now) {
        LinkedHashMap<InetSocketAddress, Long> swarm = torrents.remove(infoHash);
        if (swarm == null) {
            if (torrents.size() >= maxTorrents) {
                Iterator<LinkedHashMap<InetSocketAddress, Long>> eldest = torrents.values().iterator();
                peers -= eldest.next().size();
                eldest.remove();
            }
            swarm = new LinkedHashMap<>();
        }
        torrents.put(infoHash, swarm);
        if (swarm.remove(peer) == null) {
            peers++;
            if (swarm.size() >= maxPeersPerTorrent) {
                Iterator<InetSocketAddress> eldest = swarm.keySet().iterator();
                eldest.next();
                eldest.remove();
                peers--;
            }
        }
        swarm.put(peer, now);
    }

    /** Up to {@code max} live peers of one address family, chosen at random. */
    List<InetSocketAddress> peers(NodeId infoHash, boolean ipv4, int max, Random random, long now) {
        Map<InetSocketAddress, Long> swarm = torrents.get(infoHash);
        if (swarm == null) {
            return List.of();
        }
        List<InetSocketAddress> out = new ArrayList<>(Math.min(swarm.size(), max * 2));
        for (Map.Entry<InetSocketAddress, Long> e : swarm.entrySet()) {
            if (now - e.getValue() < ttlNanos && CompactPeers.isIpv4(e.getKey().getAddress()) == ipv4) {
                out.add(e.getKey());
            }
        }
        if (out.size() > max) {
            Collections.shuffle(out, random);
            return new ArrayList<>(out.subList(0, max));
        }
        return out;
    }

    /** Drops peers silent for longer than the time to live, and torrents left with none. */
    void expire(long now) {
        Iterator<LinkedHashMap<InetSocketAddress, Long>> it = torrents.values().iterator();
        while (it.hasNext()) {
            LinkedHashMap<InetSocketAddress, Long> swarm = it.next();
            int before = swarm.size();
            swarm.values().removeIf(at -> now - at >= ttlNanos);
            peers -= before - swarm.size();
            if (swarm.isEmpty()) {
                it.remove();
            }
        }
    }

    int torrentCount() {
        return torrents.size();
    }

    int peerCount() {
        return peers;
    }
}
