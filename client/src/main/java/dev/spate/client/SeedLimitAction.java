package dev.spate.client;

/** What happens to a torrent that reached its seed ratio or seed time. */
public enum SeedLimitAction {
    /** Stop uploading; the torrent stays in the client, {@link TorrentState#FINISHED}. */
    STOP,
    /** Remove it from the client; the data stays on disk. */
    REMOVE
}
