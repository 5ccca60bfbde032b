package dev.spate.discovery.tracker.server;

import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.metainfo.InfoHash;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of an HTTP announce (BEP 3), checked: a 20-byte {@code info_hash} and
 * {@code peer_id}, a port from 1 to 65535, non-negative counters. {@code numwant} is left raw
 * (negative: the tracker's default); the registry clamps it.
 */
record HttpAnnounceQuery(InfoHash infoHash, byte[] peerId, int port, long left, AnnounceEvent event,
        int numWant, boolean compact, boolean noPeerId) {

    static final int MAX_PARAMS = 64;
    /** BEP 48 scrapes name torrents one {@code info_hash} each; more than this in one request is refused. */
    static final int MAX_SCRAPE_HASHES = 100;

    static HttpAnnounceQuery parse(String rawQuery) throws BadRequest {
        QueryString q = query(rawQuery, MAX_PARAMS);
        InfoHash hash = hash(required(q, "info_hash"));
        byte[] peerId = required(q, "peer_id");
        if (peerId.length != 20) {
            throw new BadRequest("peer_id must be 20 bytes, not " + peerId.length);
        }
        long port = number(q, "port", true);
        if (port < 1 || port > 0xffff) {
            throw new BadRequest("port must be 1 to 65535, not " + port);
        }
        number(q, "uploaded", false);
        number(q, "downloaded", false);
        long left = number(q, "left", true);
        String numWant = q.text("numwant");
        int wanted = -1;
        if (numWant != null && !numWant.isEmpty()) {
            try {
                // Anything above an int is absurd and clamped like any large request.
                wanted = (int) Math.max(-1, Math.min(Long.parseLong(numWant), Integer.MAX_VALUE));
            } catch (NumberFormatException e) {
                throw new BadRequest("numwant is not a number: " + numWant);
            }
        }
        String event = q.text("event");
        return new HttpAnnounceQuery(hash, peerId, (int) port, left,
                AnnounceEvent.fromHttpName(event == null ? "" : event), wanted,
                !"0".equals(q.text("compact")), "1".equals(q.text("no_peer_id")));
    }

    /** The torrents of a scrape: at least one, at most {@link #MAX_SCRAPE_HASHES}, each 20 bytes. */
    static List<InfoHash> parseScrape(String rawQuery) throws BadRequest {
        QueryString q = query(rawQuery, MAX_SCRAPE_HASHES + MAX_PARAMS);
        List<byte[]> raw = q.all("info_hash");
        if (raw.isEmpty()) {
            throw new BadRequest("a full scrape is not offered; name torrents with info_hash");
        }
        if (raw.size() > MAX_SCRAPE_HASHES) {
            throw new BadRequest("at most " + MAX_SCRAPE_HASHES + " torrents per scrape, not " + raw.size());
        }
        List<InfoHash> hashes = new ArrayList<>(raw.size());
        for (byte[] h : raw) {
            hashes.add(hash(h));
        }
        return hashes;
    }

    private static QueryString query(String rawQuery, int maxParams) throws BadRequest {
        try {
            return QueryString.parse(rawQuery, maxParams);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("malformed query: " + e.getMessage());
        }
    }

    private static InfoHash hash(byte[] raw) throws BadRequest {
        if (raw.length != 20) {
            throw new BadRequest("info_hash must be 20 bytes, not " + raw.length);
        }
        return InfoHash.of(raw);
    }

    private static byte[] required(QueryString q, String key) throws BadRequest {
        byte[] v = q.first(key);
        if (v == null) {
            throw new BadRequest("missing " + key);
        }
        return v;
    }

    private static long number(QueryString q, String key, boolean required) throws BadRequest {
        String v = q.text(key);
        if (v == null) {
            if (required) {
                throw new BadRequest("missing " + key);
            }
            return 0;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new BadRequest(key + " must not be negative: " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(key + " is not a number: " + v);
        }
    }
}
