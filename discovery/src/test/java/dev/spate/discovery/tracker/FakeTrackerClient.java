package dev.spate.discovery.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.InfoHash;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** A tracker client that records each announce and lets the test answer it, or not. */
final class FakeTrackerClient implements TrackerClient {
    record Call(URI tracker, AnnounceRequest request, CompletableFuture<AnnounceResponse> future) {
        void answer(Duration interval, InetSocketAddress... peers) {
            future.complete(response(interval, Optional.empty(), peers));
        }

        void fail(String reason) {
            future.completeExceptionally(new TrackerException(tracker, TrackerException.Kind.REJECTED, reason));
        }

        AnnounceEvent event() {
            return request.event();
        }
    }

    final Deque<Call> calls = new ArrayDeque<>();

    @Override
    public CompletableFuture<AnnounceResponse> announce(URI tracker, AnnounceRequest request) {
        Call call = new Call(tracker, request, new CompletableFuture<>());
        calls.add(call);
        return call.future();
    }

    @Override
    public CompletableFuture<ScrapeResponse> scrape(URI tracker, List<InfoHash> hashes) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    /** The oldest announce not yet taken; there must be one. */
    Call next() {
        Call call = calls.poll();
        assertThat(call).as("an announce was sent").isNotNull();
        return call;
    }

    void noMoreCalls() {
        assertThat(calls).as("no further announce").isEmpty();
    }

    static AnnounceResponse response(Duration interval, Optional<Duration> minInterval, InetSocketAddress... peers) {
        return new AnnounceResponse(interval, minInterval, List.of(peers), OptionalInt.of(1), OptionalInt.of(2),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
