package dev.spate.discovery.lsd;

import dev.spate.metainfo.InfoHash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One BEP 14 announce: the sender's BitTorrent port, the torrents it is in, and the cookie it uses
 * to recognise its own announces coming back.
 */
public record LsdAnnounce(int port, List<InfoHash> infoHashes, Optional<String> cookie) {

    public LsdAnnounce {
        if (port < 1 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        infoHashes = List.copyOf(infoHashes);
        Objects.requireNonNull(cookie, "cookie");
    }
}
