package dev.spate.client;

/** Where a torrent is in its life. */
public enum TorrentState {
    /** Hashing the data already on disk. */
    CHECKING,
    /** Fetching pieces. */
    DOWNLOADING,
    /** Every wanted piece is verified; uploading to others. */
    SEEDING,
    /** Stopped by the user; resumable. */
    PAUSED,
    /** Stopped by an error the user must see (disk full, files gone). */
    ERROR,
    /** Removed from the client. */
    REMOVED
}
