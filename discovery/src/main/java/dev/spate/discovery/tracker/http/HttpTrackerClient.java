package dev.spate.discovery.tracker.http;

import dev.spate.discovery.tracker.AnnounceRequest;
import dev.spate.discovery.tracker.AnnounceResponse;
import dev.spate.discovery.tracker.ScrapeResponse;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.EventLoopGroup;
import io.netty.resolver.AddressResolverGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Announces and scrapes over HTTP(S): builds the URL, GETs it, parses the bencoded reply. */
public final class HttpTrackerClient {
    private final HttpFetcher fetcher;

    public HttpTrackerClient(EventLoopGroup group, AddressResolverGroup<InetSocketAddress> resolver,
            TrackerClientConfig config) {
        this.fetcher = new HttpFetcher(group, resolver, config);
    }

    public CompletableFuture<AnnounceResponse> announce(URI tracker, AnnounceRequest request) {
        return fetcher.get(tracker, HttpAnnounceCodec.announceUrl(tracker, request))
                .thenCompose(reply -> parse(tracker, reply, body -> HttpAnnounceCodec.parse(tracker, body)));
    }

    public CompletableFuture<ScrapeResponse> scrape(URI tracker, List<InfoHash> hashes) {
        URI url;
        try {
            url = HttpScrapeCodec.scrapeUrl(tracker, hashes);
        } catch (TrackerException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<InfoHash> asked = List.copyOf(hashes);
        return fetcher.get(tracker, url)
                .thenCompose(reply -> parse(tracker, reply, body -> HttpScrapeCodec.parse(tracker, body, asked)));
    }

    private interface BodyParser<T> {
        T parse(byte[] body) throws TrackerException;
    }

    /**
     * A 200 reply is parsed; any other status is an error, in the tracker's words if the body
     * holds a bencoded {@code failure reason}, else in HTTP's.
     */
    private static <T> CompletableFuture<T> parse(URI tracker, HttpFetcher.Reply reply, BodyParser<T> parser) {
        try {
            if (reply.status() == 200) {
                return CompletableFuture.completedFuture(parser.parse(reply.body()));
            }
            BencodedReply.parse(tracker, reply.body());
            return CompletableFuture.failedFuture(httpError(tracker, reply));
        } catch (TrackerException e) {
            if (reply.status() != 200 && e.kind() != Kind.REJECTED) {
                return CompletableFuture.failedFuture(httpError(tracker, reply));
            }
            return CompletableFuture.failedFuture(e);
        }
    }

    private static TrackerException httpError(URI tracker, HttpFetcher.Reply reply) {
        return new TrackerException(tracker, Kind.NETWORK, "HTTP " + reply.status() + " " + reply.reason());
    }
}
