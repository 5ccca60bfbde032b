package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.discovery.tracker.wire.CompactPeers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link DhtNode} listens and what it allows. One node speaks one address family, the one
 * of its bind address (BEP 32: an IPv4 node and an IPv6 node are two nodes; give both the same id).
 *
 * @param bindAddress     the UDP socket's address; its family is the node's
 * @param port            the UDP port (0: any free one)
 * @param nodeId          our id; empty: the store's, else one valid for {@code externalAddress} under
 *                        BEP 42, else random
 * @param externalAddress our address as others see it, for a BEP 42 id; empty if unknown
 * @param bootstrap       nodes to contact at start; none by default, nothing is contacted unless named
 * @param enforceNodeIds  BEP 42: nodes whose id does not match their IP neither enter the routing table
 *                        nor receive our announces, and the table keeps one node per IP address. Turn
 *                        off where every node shares an address (several nodes on 127.0.0.1)
 * @param readOnly        BEP 43: answer no queries, and ask others not to keep us in their tables
 * @param queryTimeout    how long a query of ours waits for its answer
 * @param perSourceLimit  queries answered per source IP address
 * @param globalLimit     queries answered from all sources together
 * @param storage         how many announced peers we keep for others, and for how long
 * @param store           where the routing table is loaded from at start and saved to at close
 */
public record DhtConfig(InetAddress bindAddress, int port, Optional<NodeId> nodeId,
        Optional<InetAddress> externalAddress, List<InetSocketAddress> bootstrap, boolean enforceNodeIds,
        boolean readOnly, Duration queryTimeout, RateLimit perSourceLimit, RateLimit globalLimit,
        StorageLimits storage, Optional<RoutingTableStore> store) {

    /**
     * Limits of the peer store.
     *
     * @param torrents        info hashes kept; beyond it the one announced to longest ago goes
     * @param peersPerTorrent peers kept per info hash; beyond it the one that announced longest ago goes
     * @param peerTtl         how long a peer is kept after its last announce
     */
    public record StorageLimits(int torrents, int peersPerTorrent, Duration peerTtl) {
        public StorageLimits {
            if (torrents < 1 || peersPerTorrent < 1 || peerTtl.isNegative() || peerTtl.isZero()) {
                throw new IllegalArgumentException("storage limits must be positive: " + torrents + ", "
                        + peersPerTorrent + ", " + peerTtl);
            }
        }
    }

    public DhtConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(externalAddress, "externalAddress");
        Objects.requireNonNull(perSourceLimit, "perSourceLimit");
        Objects.requireNonNull(globalLimit, "globalLimit");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(store, "store");
        bootstrap = List.copyOf(bootstrap);
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (queryTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("queryTimeout must be at least 1 ms: " + queryTimeout);
        }
    }

    /**
     * Every IPv4 address, port 6881, no bootstrap nodes, BEP 42 enforced, 3 s query timeout, 10
     * answers a second per source (burst 20) and 500 in all (burst 1000), 2,000 torrents of 200
     * peers kept 30 minutes, no store.
     */
    public static DhtConfig defaults() {
        return new DhtConfig(anyIpv4(), 6881, Optional.empty(), Optional.empty(), List.of(), true, false,
                Duration.ofSeconds(3), new RateLimit(10, 20), new RateLimit(500, 1000),
                new StorageLimits(2000, 200, Duration.ofMinutes(30)), Optional.empty());
    }

    /**
     * For tests and private swarms on one machine: 127.0.0.1, any free port, BEP 42 off (every node
     * shares the address), and per-source limits that several nodes on one address do not reach.
     */
    public static DhtConfig loopback() {
        return defaults().withBindAddress(InetAddress.getLoopbackAddress()).withPort(0).withEnforceNodeIds(false)
                .withRateLimits(new RateLimit(5000, 5000), new RateLimit(20_000, 20_000));
    }

    public DhtConfig withBindAddress(InetAddress a) {
        return new DhtConfig(a, port, nodeId, externalAddress, bootstrap, enforceNodeIds, readOnly, queryTimeout,
                perSourceLimit, globalLimit, storage, store);
    }

    public DhtConfig withPort(int p) {
        return new DhtConfig(bindAddress, p, nodeId, externalAddress, bootstrap, enforceNodeIds, readOnly,
                queryTimeout, perSourceLimit, globalLimit, storage, store);
    }

    public DhtConfig withNodeId(NodeId id) {
        return new DhtConfig(bindAddress, port, Optional.of(id), externalAddress, bootstrap, enforceNodeIds, readOnly,
                queryTimeout, perSourceLimit, globalLimit, storage, store);
    }

    public DhtConfig withExternalAddress(InetAddress a) {
        return new DhtConfig(bindAddress, port, nodeId, Optional.of(a), bootstrap, enforceNodeIds, readOnly,
                queryTimeout, perSourceLimit, globalLimit, storage, store);
    }

    public DhtConfig withBootstrap(List<InetSocketAddress> nodes) {
        return new DhtConfig(bindAddress, port, nodeId, externalAddress, nodes, enforceNodeIds, readOnly,
                queryTimeout, perSourceLimit, globalLimit, storage, store);
    }

    public DhtConfig withEnforceNodeIds(boolean on) {
        return new DhtConfig(bindAddress, port, nodeId, externalAddress, bootstrap, on, readOnly, queryTimeout,
                perSourceLimit, globalLimit, storage, store);
    }

    public DhtConfig withReadOnly(boolean on) {
        return new DhtConfig(bindAddress, port, nodeId, externalAddress, bootstrap, enforceNodeIds, on, queryTimeout,
                perSourceLimit, globalLimit, storage, store);
    }

    public DhtConfig withQueryTimeout(Duration d) {
        return new DhtConfig(bindAddress, port, nodeId, externalAddress, bootstrap, enforceNodeIds, readOnly, d,
                perSourceLimit, globalLimit, storage, store);
    }

    public DhtConfig withRateLimits(RateLimit source, RateLimit all) {
        return new DhtConfig(bindAddress, port, nodeId, externalAddress, bootstrap, enforceNodeIds, readOnly,
                queryTimeout, source, all, storage, store);
    }

    public DhtConfig withStorage(StorageLimits limits) {
        return new DhtConfig(bindAddress, port, nodeId, externalAddress, bootstrap, enforceNodeIds, readOnly,
                queryTimeout, perSourceLimit, globalLimit, limits, store);
    }

    public DhtConfig withStore(RoutingTableStore s) {
        return new DhtConfig(bindAddress, port, nodeId, externalAddress, bootstrap, enforceNodeIds, readOnly,
                queryTimeout, perSourceLimit, globalLimit, storage, Optional.of(s));
    }

    /** True if this node speaks IPv4 (its bind address is IPv4). */
    public boolean ipv4() {
        return bindAddress instanceof java.net.Inet4Address;
    }

    private static InetAddress anyIpv4() {
        return CompactPeers.address(new byte[4]);
    }
}
