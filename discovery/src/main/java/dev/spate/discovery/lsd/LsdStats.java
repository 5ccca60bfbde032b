package dev.spate.discovery.lsd;

/**
 * Counters of one {@link LsdService}.
 *
 * @param torrents  torrents we announce
 * @param sent      announces sent (one per group)
 * @param received  announces from others that were read
 * @param ownEchoes our own announces that came back, by cookie
 * @param dropped   datagrams that were not announces, or came too soon after the last from their address
 * @param delivered peers handed to the sink
 */
public record LsdStats(int torrents, long sent, long received, long ownEchoes, long dropped, long delivered) {
}
