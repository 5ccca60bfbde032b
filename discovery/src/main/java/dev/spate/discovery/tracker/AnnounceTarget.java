package dev.spate.discovery.tracker;

import dev.spate.metainfo.InfoHash;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link AnnounceScheduler} announces: the torrent, its trackers in tiers (BEP 12's
 * {@code announce-list}, or one tier with the {@code announce} URL), and who we are.
 *
 * @param peerId our 20-byte peer id
 * @param port   the port we accept peers on
 * @param key    a random number fixed for the session (BEP 3's {@code key})
 */
public record AnnounceTarget(InfoHash infoHash, List<List<URI>> tiers, byte[] peerId, int port, int key) {

    public AnnounceTarget {
        Objects.requireNonNull(infoHash, "infoHash");
        tiers = tiers.stream().filter(t -> !t.isEmpty()).map(List::copyOf).toList();
        if (peerId.length != AnnounceRequest.PEER_ID_LENGTH) {
            throw new IllegalArgumentException("a peer id has 20 bytes, not " + peerId.length);
        }
        peerId = peerId.clone();
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }
}
