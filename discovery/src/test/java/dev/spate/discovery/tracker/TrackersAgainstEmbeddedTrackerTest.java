package dev.spate.discovery.tracker;

import static dev.spate.discovery.tracker.TestRequests.announce;
import static dev.spate.discovery.tracker.TestRequests.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.discovery.Await;
import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** spate's tracker client against spate's embedded tracker, over HTTP and UDP on 127.0.0.1. */
class TrackersAgainstEmbeddedTrackerTest {
    private static NioEventLoopGroup group;
    private EmbeddedTracker tracker;
    private Trackers trackers;

    @BeforeAll
    static void startGroup() {
        group = new NioEventLoopGroup(2);
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void start() throws Exception {
        tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(0).withInterval(Duration.ofSeconds(60)));
        trackers = Trackers.create(group, TrackerClientConfig.defaults()
                .withUdpRetransmitBase(Duration.ofMillis(250)).withHttpTimeout(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        trackers.close();
        tracker.close();
    }

    private URI uri(String scheme) {
        return scheme.equals("http") ? tracker.httpAnnounceUri() : tracker.udpAnnounceUri();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "udp"})
    void announcersFindEachOther(String scheme) throws Exception {
        URI uri = uri(scheme);
        InfoHash h = hash(1);
        AnnounceResponse first = await(trackers.announce(uri, announce(h, 'a', 6881, 100, AnnounceEvent.STARTED)));
        assertThat(first.peers()).isEmpty();
        assertThat(first.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(first.leechers()).hasValue(1);

        AnnounceResponse second = await(trackers.announce(uri, announce(h, 'b', 6882, 0, AnnounceEvent.STARTED)));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(second.peers()).containsExactly(new InetSocketAddress(loopback, 6881));
        assertThat(second.seeders()).hasValue(1);
        assertThat(second.leechers()).hasValue(1);

        AnnounceResponse again = await(trackers.announce(uri, announce(h, 'a', 6881, 50, AnnounceEvent.NONE)));
        assertThat(again.peers()).containsExactly(new InetSocketAddress(loopback, 6882));
        if (scheme.equals("http")) {
            assertThat(again.externalIp()).contains(loopback);
            assertThat(again.minInterval()).contains(Duration.ofSeconds(10));
        }

        InfoHash unknown = hash(2);
        ScrapeResponse scrape = await(trackers.scrape(uri, List.of(h, unknown)));
        assertThat(scrape.files()).containsEntry(h, new ScrapeStats(1, 0, 1))
                .containsEntry(unknown, new ScrapeStats(0, 0, 0));

        await(trackers.announce(uri, announce(h, 'a', 6881, 0, AnnounceEvent.COMPLETED)));
        await(trackers.announce(uri, announce(h, 'b', 6882, 0, AnnounceEvent.STOPPED)));
        assertThat(await(trackers.scrape(uri, List.of(h))).files()).containsEntry(h, new ScrapeStats(1, 1, 0));
        assertThat(tracker.stats().peers()).isEqualTo(1);
    }

    @Test
    void aRefusalCarriesTheTrackersReason() {
        URI wrongPath = URI.create("http://127.0.0.1:" + tracker.port() + "/nothing");
        assertThatThrownBy(() -> await(trackers.announce(wrongPath, announce(hash(1), 'a', 1, 0, AnnounceEvent.NONE))))
                .isInstanceOf(TrackerException.class)
                .hasMessageContaining(wrongPath.toString())
                .hasMessageContaining("no such path: /nothing")
                .extracting(e -> ((TrackerException) e).kind()).isEqualTo(TrackerException.Kind.REJECTED);
    }

    @Test
    void anUnknownSchemeIsUnsupported() {
        URI wss = URI.create("wss://127.0.0.1:1/announce");
        assertThatThrownBy(() -> await(trackers.announce(wss, announce(hash(1), 'a', 1, 0, AnnounceEvent.NONE))))
                .isInstanceOf(TrackerException.class)
                .extracting(e -> ((TrackerException) e).kind()).isEqualTo(TrackerException.Kind.UNSUPPORTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "udp"})
    void twoSchedulersFindEachOtherThroughTheTracker(String scheme) throws Exception {
        InfoHash h = hash(3);
        List<List<URI>> tiers = List.of(List.of(URI.create("http://127.0.0.1:1/announce")), List.of(uri(scheme)));
        CompletableFuture<List<InetSocketAddress>> seen = new CompletableFuture<>();
        io.netty.channel.EventLoop loop = group.next();
        AnnounceScheduler first = AnnounceScheduler.create(new AnnounceTarget(h, tiers, TestRequests.peerId('x'),
                7001, 1), trackers, () -> new TransferCounters(0, 0, 0), (t, peers) -> { }, loop);
        AnnounceScheduler second = AnnounceScheduler.create(new AnnounceTarget(h, tiers, TestRequests.peerId('y'),
                7002, 2), trackers, () -> new TransferCounters(0, 0, 10), (t, peers) -> seen.complete(peers), loop);
        first.start();
        // The first tier refuses connections; the scheduler moves on to the tracker in the second.
        Await.until("the first scheduler's announce", Duration.ofSeconds(5),
                () -> first.status().trackers().get(1).state() == TrackerStatus.State.WORKING);
        second.start();
        assertThat(seen.get(5, TimeUnit.SECONDS)).containsExactly(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 7001));
        assertThat(second.status().trackers().get(0).state()).isEqualTo(TrackerStatus.State.FAILING);
        first.stop().get(5, TimeUnit.SECONDS);
        second.stop().get(5, TimeUnit.SECONDS);
        assertThat(tracker.stats().peers()).isZero();
    }

    /** The future's value, or its {@link TrackerException}; five seconds at most. */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
