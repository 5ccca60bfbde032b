package dev.spate.discovery.tracker;

import dev.spate.metainfo.InfoHash;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Talks to one tracker at a time. Neither method blocks or throws: every failure arrives as a
 * future completed exceptionally with a {@link TrackerException}. Futures complete on a Netty event
 * loop, so dependent stages must be quick or hop to an executor of their own.
 */
public interface TrackerClient {

    CompletableFuture<AnnounceResponse> announce(URI tracker, AnnounceRequest request);

    /** Asks for the counts of these torrents (BEP 48 over HTTP, BEP 15 over UDP, up to 74 at once). */
    CompletableFuture<ScrapeResponse> scrape(URI tracker, List<InfoHash> hashes);
}
