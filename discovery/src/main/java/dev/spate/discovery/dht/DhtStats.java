package dev.spate.discovery.dht;

/**
 * Counters of one node, read on its event loop.
 *
 * @param nodes            nodes in the routing table
 * @param buckets          buckets of the routing table
 * @param torrents         info hashes with peers stored for others
 * @param storedPeers      peers stored for others
 * @param queriesReceived  queries that arrived (answered or not)
 * @param queriesRefused   queries left unanswered by the rate limits
 * @param malformed        datagrams that were not KRPC
 * @param queriesSent      queries we sent
 * @param timeouts         queries of ours that got no answer
 * @param pendingQueries   queries of ours waiting for an answer now
 * @param activeLookups    lookups running now
 */
public record DhtStats(int nodes, int buckets, int torrents, int storedPeers, long queriesReceived,
        long queriesRefused, long malformed, long queriesSent, long timeouts, int pendingQueries, int activeLookups) {
}
