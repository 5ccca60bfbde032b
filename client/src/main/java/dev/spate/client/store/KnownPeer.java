package dev.spate.client.store;

/**
 * A peer a torrent knew, for the next session.
 *
 * @param lastSeenMillis when we were last connected to it; 0 if never
 * @param failures       connection attempts that failed in a row
 * @param lastFailure    why the last one failed; null if none did
 */
public record KnownPeer(String host, int port, long lastSeenMillis, int failures, String lastFailure) {
}
