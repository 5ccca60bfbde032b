package dev.spate.discovery.dht;

import dev.spate.discovery.Ticker;
import dev.spate.discovery.dht.krpc.KrpcException;
import dev.spate.discovery.dht.krpc.KrpcMessage;
import dev.spate.discovery.dht.krpc.KrpcQuery;
import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * All the state of one DHT node, owned by one event loop: every method runs there (asserted). It
 * routes datagrams to the queries we answer and the queries we wait on, runs lookups and announces,
 * and every {@link #TICK_NANOS} pings quiet nodes and, while the table is nearly empty, looks up its
 * own id again; every minute it refreshes stale buckets and expires stored peers.
 */
final class DhtEngine {
    static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long SLOW_TICK_NANOS = TimeUnit.MINUTES.toNanos(1);
    static final long REFRESH_NANOS = TimeUnit.MINUTES.toNanos(15);
    static final int MAX_LOOKUPS = 64;
    static final int MAX_PENDING_QUERIES = 2048;
    private static final int PINGS_PER_TICK = 3;
    private static final int REFRESHES_PER_TICK = 2;

    private final DhtConfig config;
    private final EventExecutor loop;
    private final Ticker ticker;
    private final Random random;
    private final RoutingTable table;
    private final PeerStore peers;
    private final Transactions transactions;
    private final Rpc rpc;
    private final IncomingQueries incoming;
    private final Predicate<NodeContact> trusted;
    private final List<NodeContact> stored;
    private final Set<Lookup> lookups = new HashSet<>();
    private ScheduledFuture<?> ticks;
    private long lastSlowTick;
    private boolean selfLookupRunning;
    private boolean closed;

    DhtEngine(DhtConfig config, NodeId own, List<NodeContact> stored, EventExecutor loop, Ticker ticker,
            Random random, Rpc.Outbox outbox) {
        this.config = config;
        this.loop = loop;
        this.ticker = ticker;
        this.random = random;
        this.stored = List.copyOf(stored);
        long now = ticker.nanoTime();
        this.trusted = config.enforceNodeIds() ? c -> NodeIdRestriction.matches(c.id(), c.address().getAddress())
                : c -> true;
        this.table = new RoutingTable(own, config.enforceNodeIds(), trusted, now);
        DhtConfig.StorageLimits s = config.storage();
        this.peers = new PeerStore(s.torrents(), s.peersPerTorrent(), s.peerTtl().toNanos());
        this.transactions = new Transactions(loop, random, config.queryTimeout().toNanos(), MAX_PENDING_QUERIES);
        this.rpc = new Rpc(own, config.readOnly(), table, transactions, outbox, ticker);
        QueryLimiter limiter = new QueryLimiter(config.perSourceLimit(), config.globalLimit(), 4096, now);
        QueryResponder responder = new QueryResponder(own, config.ipv4(), table, peers, new Tokens(random, now),
                random);
        this.incoming = new IncomingQueries(config.readOnly(), limiter, responder, table, rpc, outbox);
        this.lastSlowTick = now;
    }

    NodeId ownId() {
        return table.ownId();
    }

    /** Starts the timers and the first lookup of our own id, from stored nodes and bootstrap nodes. */
    void start() {
        assert loop.inEventLoop();
        selfLookup(stored, config.bootstrap());
        ticks = loop.scheduleAtFixedRate(this::tick, TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
    }

    void onMessage(KrpcMessage message, InetSocketAddress from) {
        assert loop.inEventLoop();
        if (closed) {
            return;
        }
        if (message instanceof KrpcQuery q) {
            incoming.onQuery(q, from, ticker.nanoTime());
        } else {
            transactions.complete(message, from);
        }
    }

    void onMalformed(KrpcException e, InetSocketAddress from) {
        assert loop.inEventLoop();
        if (!closed) {
            incoming.onMalformed(e, from, ticker.nanoTime());
        }
    }

    /** A get_peers lookup; with {@code announce}, then announce_peer to the closest nodes that gave a token. */
    CompletableFuture<LookupResult> getPeers(NodeId infoHash, Consumer<List<InetSocketAddress>> sink,
            Announce announce) {
        assert loop.inEventLoop();
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the DHT node is closed"));
        }
        if (lookups.size() >= MAX_LOOKUPS) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    MAX_LOOKUPS + " lookups are running already"));
        }
        long now = ticker.nanoTime();
        Lookup lookup = new Lookup(infoHash, true, config.ipv4(), rpc, trusted, sink);
        lookups.add(lookup);
        List<InetSocketAddress> fallback = table.size() == 0 ? config.bootstrap() : List.of();
        return lookup.start(table.closest(infoHash, 2 * RoutingTable.K, now), fallback).thenCompose(closest -> {
            lookups.remove(lookup);
            LookupResult found = new LookupResult(lookup.peersFound(), lookup.queried(), lookup.responded(), 0);
            return announce == null || closed ? CompletableFuture.completedFuture(found)
                    : new AnnounceRound(rpc, infoHash, announce).send(closest, found);
        });
    }

    /** The port to announce, or BEP 5's {@code implied_port}: the port our DHT packets come from. */
    record Announce(int port, boolean impliedPort) {
    }

    /** BEP 5's {@code port} message: a peer's DHT node, to be pinged and, if it answers, kept. */
    void addNode(InetSocketAddress node) {
        assert loop.inEventLoop();
        if (!closed) {
            rpc.check(node);
        }
    }

    RoutingTableSnapshot snapshot() {
        assert loop.inEventLoop();
        return new RoutingTableSnapshot(table.ownId(), table.nodes());
    }

    DhtStats stats() {
        assert loop.inEventLoop();
        return new DhtStats(table.size(), table.bucketCount(), peers.torrentCount(), peers.peerCount(),
                incoming.received, incoming.refused(), incoming.malformed, rpc.sent, rpc.timeouts, rpc.pending(),
                lookups.size());
    }

    /** Stops the timers, times out our queries and ends running lookups with what they found. */
    void close() {
        assert loop.inEventLoop();
        if (closed) {
            return;
        }
        closed = true;
        if (ticks != null) {
            ticks.cancel(false);
        }
        transactions.expireAll();
        for (Lookup l : new ArrayList<>(lookups)) {
            l.abandon();
        }
        lookups.clear();
    }

    /** For tests: the table's invariants hold. */
    void checkInvariants() {
        table.checkInvariants();
    }

    private void tick() {
        long now = ticker.nanoTime();
        int pings = 0;
        for (NodeContact c : table.questionable(now)) {
            if (pings++ >= PINGS_PER_TICK) {
                break;
            }
            rpc.check(c.address());
        }
        // While the table is nearly empty, look for our neighbours again every tick, not every minute.
        if (table.size() < RoutingTable.K) {
            selfLookup(stored, config.bootstrap());
        }
        if (now - lastSlowTick < SLOW_TICK_NANOS) {
            return;
        }
        lastSlowTick = now;
        peers.expire(now);
        int refreshes = 0;
        for (NodeId target : table.refreshTargets(now, REFRESH_NANOS, random)) {
            if (refreshes++ >= REFRESHES_PER_TICK || lookups.size() >= MAX_LOOKUPS) {
                break;
            }
            findNode(target, List.of());
        }
    }

    /** BEP 5: find the nodes closest to ourselves, which fills the buckets near our id. */
    private void selfLookup(List<NodeContact> extra, List<InetSocketAddress> addresses) {
        if (selfLookupRunning || closed) {
            return;
        }
        selfLookupRunning = true;
        findNode(table.ownId(), extra, addresses).whenComplete((r, e) -> selfLookupRunning = false);
    }

    private CompletableFuture<?> findNode(NodeId target, List<InetSocketAddress> addresses) {
        return findNode(target, List.of(), addresses);
    }

    private CompletableFuture<?> findNode(NodeId target, List<NodeContact> extra, List<InetSocketAddress> addresses) {
        Set<NodeContact> seeds = new LinkedHashSet<>(table.closest(target, 2 * RoutingTable.K, ticker.nanoTime()));
        seeds.addAll(extra);
        Lookup lookup = new Lookup(target, false, config.ipv4(), rpc, trusted, p -> { });
        lookups.add(lookup);
        return lookup.start(new ArrayList<>(seeds), addresses).whenComplete((r, e) -> lookups.remove(lookup));
    }
}
