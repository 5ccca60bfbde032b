package dev.spate.client.store;

import java.util.List;
import java.util.Optional;

/**
 * A torrent as the session holds it.
 *
 * @param infoHash  its primary info hash, hex
 * @param metainfo  the {@code .torrent} bytes; null for a magnet link still waiting for metadata
 * @param magnet    the magnet link it was added from, or null
 */
public record StoredTorrent(String infoHash, byte[] metainfo, String magnet, String savePath, long addedMillis,
        Settings settings, Totals totals, Optional<Resume> resume, List<KnownPeer> peers) {

    public StoredTorrent {
        peers = List.copyOf(peers);
    }
}
