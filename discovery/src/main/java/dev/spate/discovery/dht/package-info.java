/**
 * A mainline DHT node (BEP 5) with IPv6 (BEP 32, one node per address family), node id checks
 * (BEP 42) and read-only mode (BEP 43). The client uses {@link dev.spate.discovery.dht.DhtNode}:
 * start, {@code getPeers}, {@code announce}, {@code addNode} for BEP 5's {@code port} message,
 * {@code snapshot}, close; the routing table is kept between runs through a
 * {@link dev.spate.discovery.dht.RoutingTableStore}.
 *
 * <h2>Threads and owners</h2>
 * One event loop of the caller's group owns the socket and every piece of state: the routing table,
 * the peer store, tokens, rate limits, our pending queries and running lookups
 * ({@code DhtEngine}, which asserts it). Public methods hand work to that loop; futures complete and
 * sinks are called there. No thread is started. Time comes from the injected
 * {@link dev.spate.discovery.Ticker} and the loop's timers, so tests move it by hand.
 *
 * <h2>Bounds</h2>
 * A datagram is read only up to 4 KiB, decoded at depth 8 with caps on transaction ids, tokens and
 * values ({@link dev.spate.discovery.dht.krpc.KrpcCodec}). Answers are rate limited per source IP and
 * in all, and stay under 1024 bytes. The table holds at most 160 buckets of 8 nodes and 8
 * replacements; the peer store caps torrents and peers per torrent; at most 2,048 queries wait for
 * answers, 64 lookups run, and a lookup keeps 64 candidates and asks at most 256 nodes.
 *
 * <h2>Nothing is contacted unless configured</h2>
 * No bootstrap node is built in: a node contacts only the nodes it is given, those stored, those
 * that contact it, and those they name.
 */
package dev.spate.discovery.dht;
