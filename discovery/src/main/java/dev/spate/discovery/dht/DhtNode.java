package dev.spate.discovery.dht;

import dev.spate.discovery.NettyTransport;
import dev.spate.discovery.Ticker;
import dev.spate.discovery.dht.krpc.KrpcCodec;
import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.metainfo.InfoHash;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A mainline DHT node (BEP 5, with BEP 32, 42 and 43) on one UDP socket.
 *
 * <pre>{@code
 * DhtNode dht = DhtNode.start(DhtConfig.defaults().withBootstrap(nodes), group, Ticker.system());
 * dht.announce(infoHash, 6881);
 * dht.getPeers(infoHash, (hash, peers) -> connectTo(peers)).thenAccept(r -> log(r));
 * dht.close();
 * }</pre>
 *
 * <p>Threads: all state belongs to one event loop of the caller's group, chosen at start; every
 * method here may be called from any thread and hands its work to that loop. Futures complete and
 * sinks are called on that loop. {@link #start} and {@link #close} wait, so they must not be called
 * on an event loop.
 */
public final class DhtNode implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DhtNode.class);
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final DhtConfig config;
    private final EventLoop loop;
    private final Channel channel;
    private final DhtEngine engine;

    private DhtNode(DhtConfig config, EventLoop loop, Channel channel, DhtEngine engine) {
        this.config = config;
        this.loop = loop;
        this.channel = channel;
        this.engine = engine;
    }

    /** Binds the socket, loads the stored table if there is a store, and starts bootstrapping. */
    public static DhtNode start(DhtConfig config, EventLoopGroup group, Ticker ticker) throws IOException {
        Random random = new SecureRandom();
        Optional<RoutingTableSnapshot> saved = config.store().flatMap(RoutingTableStore::load);
        NodeId own = config.nodeId().or(() -> saved.map(RoutingTableSnapshot::ownId)
                .filter(id -> config.externalAddress().isEmpty() || !config.enforceNodeIds()
                        || NodeIdRestriction.matches(id, config.externalAddress().get())))
                .orElseGet(() -> config.enforceNodeIds() && config.externalAddress().isPresent()
                        ? NodeIdRestriction.generate(config.externalAddress().get(), random)
                        : NodeId.random(random));
        List<NodeContact> stored = saved.map(RoutingTableSnapshot::nodes).orElse(List.of()).stream()
                .filter(c -> c.isIpv4() == config.ipv4()).toList();
        EventLoop loop = group.next();
        DhtHandler handler = new DhtHandler(config, own, stored, ticker, random);
        ChannelFuture bound = new Bootstrap().group(loop).channel(NettyTransport.datagram(loop))
                // One byte over the limit, so that a datagram too large is seen to be too large.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(KrpcCodec.MAX_MESSAGE_BYTES + 1))
                .handler(handler)
                .bind(config.bindAddress(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("cannot open the DHT socket on " + config.bindAddress().getHostAddress() + ":"
                    + config.port() + ": " + bound.cause(), bound.cause());
        }
        return new DhtNode(config, loop, bound.channel(), handler.engine());
    }

    public NodeId id() {
        return engine.ownId();
    }

    /** The UDP port, which peers learn through BEP 5's {@code port} message. */
    public int port() {
        return localAddress().getPort();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Looks up peers of a torrent; the sink gets them as they come, the future a summary at the end. */
    public CompletableFuture<LookupResult> getPeers(InfoHash infoHash, DhtPeerSink sink) {
        return lookup(infoHash, sink, null);
    }

    /** Announces that we take peers for {@code infoHash} on TCP {@code port}, after a get_peers lookup. */
    public CompletableFuture<LookupResult> announce(InfoHash infoHash, int port) {
        return announce(infoHash, port, false, (h, p) -> { });
    }

    /**
     * Announces, and hands the peers the lookup meets to {@code sink}. With {@code impliedPort}
     * (BEP 5), the nodes store the port our DHT packets come from instead of {@code port}: for
     * peers that take uTP on the DHT's port.
     */
    public CompletableFuture<LookupResult> announce(InfoHash infoHash, int port, boolean impliedPort,
            DhtPeerSink sink) {
        if (port < 1 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return lookup(infoHash, sink, new DhtEngine.Announce(port, impliedPort));
    }

    /** BEP 5's {@code port} message: ping a peer's DHT node, and keep it if it answers. */
    public void addNode(InetSocketAddress node) {
        onLoop(e -> {
            e.addNode(node);
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Our id and the nodes in our routing table. */
    public CompletableFuture<RoutingTableSnapshot> snapshot() {
        return onLoop(e -> CompletableFuture.completedFuture(e.snapshot()));
    }

    public CompletableFuture<DhtStats> stats() {
        return onLoop(e -> CompletableFuture.completedFuture(e.stats()));
    }

    /**
     * Saves the table to the store, if there is one, then closes the socket. Lookups still running
     * end with what they found.
     */
    @Override
    public void close() {
        if (loop.inEventLoop()) {
            throw new IllegalStateException("close() waits for the DHT's event loop: call it from another thread");
        }
        if (!channel.isOpen()) {
            return;
        }
        config.store().ifPresent(store -> {
            try {
                store.save(snapshot().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("the DHT routing table was not saved: {}", e.toString());
            }
        });
        channel.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private CompletableFuture<LookupResult> lookup(InfoHash infoHash, DhtPeerSink sink, DhtEngine.Announce announce) {
        return onLoop(e -> e.getPeers(NodeId.of(infoHash), peers -> deliver(sink, infoHash, peers), announce));
    }

    private static void deliver(DhtPeerSink sink, InfoHash infoHash, List<InetSocketAddress> peers) {
        try {
            sink.peersFound(infoHash, peers);
        } catch (RuntimeException e) {
            LOG.warn("a DHT peer sink failed for {}: {}", infoHash, e.toString(), e);
        }
    }

    private <T> CompletableFuture<T> onLoop(Function<DhtEngine, CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            loop.execute(() -> work.apply(engine).whenComplete((v, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(v);
                }
            }));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the DHT node's event loop is shut down"));
        }
        return result;
    }
}
