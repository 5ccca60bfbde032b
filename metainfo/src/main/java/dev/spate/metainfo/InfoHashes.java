package dev.spate.metainfo;

/**
 * The info hashes of one torrent: v1 (SHA-1 of the info dictionary), v2 (SHA-256, BEP 52), or
 * both for a hybrid torrent. Either may be null, never both.
 */
public record InfoHashes(InfoHash v1, InfoHash v2) {

    public InfoHashes {
        if (v1 == null && v2 == null) {
            throw new IllegalArgumentException("a torrent has a v1 or a v2 info hash, or both");
        }
        if (v1 != null && !v1.isV1()) {
            throw new IllegalArgumentException("v1 info hash must have 20 bytes: " + v1);
        }
        if (v2 != null && !v2.isV2()) {
            throw new IllegalArgumentException("v2 info hash must have 32 bytes: " + v2);
        }
    }

    /** The hash that names the torrent: v1 if present (what v1 peers and trackers know), else v2. */
    public InfoHash primary() {
        return v1 != null ? v1 : v2;
    }

    public boolean hasV1() {
        return v1 != null;
    }

    public boolean hasV2() {
        return v2 != null;
    }

    public boolean isHybrid() {
        return v1 != null && v2 != null;
    }
}
