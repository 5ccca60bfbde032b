package dev.spate.client;

/** Where a torrent is in its life. */
public enum TorrentState {
    /** A magnet link waiting for its metadata from peers. */
    FETCHING_METADATA,
    /** Hashing the data already on disk (only what resume data cannot vouch for). */
    CHECKING,
    /** Waiting for a download or seed slot (the client's active limits). */
    QUEUED,
    /** Fetching pieces. */
    DOWNLOADING,
    /** Every wanted piece is verified; uploading to others. */
    SEEDING,
    /** Stopped by the user; resumable. */
    PAUSED,
    /** Complete and stopped because its seed ratio or seed time was reached; resumable. */
    FINISHED,
    /** Stopped by an error the user must see (disk full, files gone). */
    ERROR,
    /** Removed from the client. */
    REMOVED;

    /** Connected to peers (downloading or seeding). */
    public boolean isRunning() {
        return this == DOWNLOADING || this == SEEDING;
    }
}
