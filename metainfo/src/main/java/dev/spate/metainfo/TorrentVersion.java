package dev.spate.metainfo;

/** Which hash formats a torrent carries: BEP 3 (v1), BEP 52 (v2) or both (hybrid). */
public enum TorrentVersion {
    V1, V2, HYBRID;

    public boolean hasV1() {
        return this != V2;
    }

    public boolean hasV2() {
        return this != V1;
    }
}
