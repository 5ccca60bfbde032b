package dev.spate.discovery.dht;

/**
 * How a get_peers lookup (and the announce after it, if any) went.
 *
 * @param peers       distinct peers found
 * @param queried     nodes asked
 * @param responded   nodes that answered
 * @param announcedTo nodes that accepted our announce_peer (0 for a plain lookup)
 */
public record LookupResult(int peers, int queried, int responded, int announcedTo) {
}
