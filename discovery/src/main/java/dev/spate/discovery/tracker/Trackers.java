package dev.spate.discovery.tracker;

import dev.spate.discovery.NettyTransport;
import dev.spate.discovery.Ticker;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.discovery.tracker.http.HttpTrackerClient;
import dev.spate.discovery.tracker.udp.UdpTrackerClient;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.EventLoopGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * The tracker client: {@code http}/{@code https} URLs go to the HTTP client, {@code udp} URLs to the
 * UDP client. It runs on the caller's event loop group and starts no thread of its own; names are
 * resolved with Netty's non-blocking DNS resolver, so no event loop waits on a lookup.
 *
 * <pre>{@code
 * try (Trackers trackers = Trackers.create(group, TrackerClientConfig.defaults())) {
 *     AnnounceResponse r = trackers.announce(uri, request).get();
 * }
 * }</pre>
 */
public final class Trackers implements TrackerClient, AutoCloseable {
    private final DnsAddressResolverGroup resolver;
    private final HttpTrackerClient http;
    private final UdpTrackerClient udp;

    private Trackers(EventLoopGroup group, Ticker ticker, TrackerClientConfig config, Random random) {
        this.resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(NettyTransport.datagram(group))
                .socketChannelType(NettyTransport.socket(group)));
        this.http = new HttpTrackerClient(group, resolver, config);
        this.udp = new UdpTrackerClient(group.next(), resolver, config, ticker, random);
    }

    public static Trackers create(EventLoopGroup group, TrackerClientConfig config) {
        return new Trackers(group, Ticker.system(), config, new SecureRandom());
    }

    /** With the time source and the random source (UDP transaction ids) injected, for tests. */
    public static Trackers create(EventLoopGroup group, TrackerClientConfig config, Ticker ticker, Random random) {
        return new Trackers(group, ticker, config, random);
    }

    @Override
    public CompletableFuture<AnnounceResponse> announce(URI tracker, AnnounceRequest request) {
        switch (scheme(tracker)) {
            case "http":
            case "https":
                return http.announce(tracker, request);
            case "udp":
                return udp.announce(tracker, request);
            default:
                return unsupported(tracker);
        }
    }

    @Override
    public CompletableFuture<ScrapeResponse> scrape(URI tracker, List<InfoHash> hashes) {
        switch (scheme(tracker)) {
            case "http":
            case "https":
                return http.scrape(tracker, hashes);
            case "udp":
                return udp.scrape(tracker, hashes);
            default:
                return unsupported(tracker);
        }
    }

    private static String scheme(URI tracker) {
        return tracker.getScheme() == null ? "" : tracker.getScheme().toLowerCase(Locale.ROOT);
    }

    private static <T> CompletableFuture<T> unsupported(URI tracker) {
        return CompletableFuture.failedFuture(new TrackerException(tracker, Kind.UNSUPPORTED,
                "spate speaks to http, https and udp trackers, not '" + tracker.getScheme() + "'"));
    }

    /** Closes the UDP socket and the resolver; exchanges still waiting fail. The group stays the caller's. */
    @Override
    public void close() {
        udp.close();
        resolver.close();
    }
}
