package dev.spate.discovery.tracker.udp;

import dev.spate.discovery.NettyTransport;
import dev.spate.discovery.Ticker;
import dev.spate.discovery.tracker.AnnounceRequest;
import dev.spate.discovery.tracker.AnnounceResponse;
import dev.spate.discovery.tracker.ScrapeResponse;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.discovery.tracker.wire.UdpTrackerWire;
import dev.spate.metainfo.InfoHash;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.resolver.AddressResolverGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Announces and scrapes over UDP (BEP 15). One datagram channel, bound to an ephemeral port on
 * first use, carries the exchanges with every UDP tracker; it lives on one event loop of the
 * caller's group, and so does every bit of state here.
 */
public final class UdpTrackerClient implements AutoCloseable {
    private final EventLoop loop;
    private final AddressResolverGroup<InetSocketAddress> resolver;
    private final UdpTrackerHandler handler;
    private final Bootstrap bootstrap;
    private ChannelFuture bound;
    private boolean closed;

    public UdpTrackerClient(EventLoop loop, AddressResolverGroup<InetSocketAddress> resolver,
            TrackerClientConfig config, Ticker ticker, Random random) {
        this.loop = loop;
        this.resolver = resolver;
        this.handler = new UdpTrackerHandler(config, ticker, random);
        this.bootstrap = new Bootstrap().group(loop).channel(NettyTransport.datagram(loop)).handler(handler);
    }

    public CompletableFuture<AnnounceResponse> announce(URI tracker, AnnounceRequest request) {
        return submit(tracker, new UdpRequest.Announce(request, urlData(tracker)));
    }

    public CompletableFuture<ScrapeResponse> scrape(URI tracker, List<InfoHash> hashes) {
        if (hashes.isEmpty() || hashes.size() > UdpTrackerWire.MAX_SCRAPE_HASHES) {
            return CompletableFuture.failedFuture(new TrackerException(tracker, Kind.UNSUPPORTED,
                    "a UDP scrape asks for 1 to " + UdpTrackerWire.MAX_SCRAPE_HASHES + " torrents, not "
                            + hashes.size()));
        }
        return submit(tracker, new UdpRequest.Scrape(List.copyOf(hashes)));
    }

    /** BEP 41: the path and query of the announce URL, which some trackers use to tell users apart. */
    static String urlData(URI tracker) {
        String path = tracker.getRawPath() == null ? "" : tracker.getRawPath();
        return tracker.getRawQuery() == null ? path : path + "?" + tracker.getRawQuery();
    }

    private <T> CompletableFuture<T> submit(URI tracker, UdpRequest<T> request) {
        InetSocketAddress unresolved;
        try {
            unresolved = endpoint(tracker);
        } catch (TrackerException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            loop.execute(() -> start(tracker, unresolved, request, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new TrackerException(tracker, Kind.NETWORK, "the client is shut down"));
        }
        return result;
    }

    private <T> void start(URI tracker, InetSocketAddress unresolved, UdpRequest<T> request,
            CompletableFuture<T> result) {
        if (closed) {
            result.completeExceptionally(new TrackerException(tracker, Kind.NETWORK, "the client is closed"));
            return;
        }
        if (bound == null) {
            bound = bootstrap.bind(0);
        }
        bound.addListener(b -> {
            if (!b.isSuccess()) {
                result.completeExceptionally(new TrackerException(tracker, Kind.NETWORK,
                        "cannot open a UDP socket: " + b.cause(), b.cause()));
                return;
            }
            resolver.getResolver(loop).resolve(unresolved).addListener(r -> {
                if (!r.isSuccess()) {
                    result.completeExceptionally(new TrackerException(tracker, Kind.NETWORK,
                            "cannot resolve " + unresolved.getHostString() + ": " + r.cause(), r.cause()));
                    return;
                }
                handler.submit(tracker, (InetSocketAddress) r.getNow(), request).whenComplete((v, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(v);
                    }
                });
            });
        });
    }

    private static InetSocketAddress endpoint(URI tracker) throws TrackerException {
        String host = tracker.getHost();
        if (host == null || host.isEmpty()) {
            throw new TrackerException(tracker, Kind.UNSUPPORTED, "the URL has no host");
        }
        if (tracker.getPort() <= 0) {
            throw new TrackerException(tracker, Kind.UNSUPPORTED, "a UDP tracker URL needs a port");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return InetSocketAddress.createUnresolved(host, tracker.getPort());
    }

    /** Closes the socket; exchanges still waiting fail with a network error. */
    @Override
    public void close() {
        try {
            loop.execute(() -> {
                closed = true;
                if (bound != null) {
                    bound.channel().close();
                }
            });
        } catch (RejectedExecutionException e) {
            // The loop is gone, and the channel with it.
        }
    }
}
