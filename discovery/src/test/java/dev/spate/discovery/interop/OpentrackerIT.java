package dev.spate.discovery.interop;

import static dev.spate.discovery.tracker.TestRequests.announce;
import static dev.spate.discovery.tracker.TestRequests.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.AnnounceResponse;
import dev.spate.discovery.tracker.ScrapeStats;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.Trackers;
import dev.spate.interop.LoopbackPorts;
import dev.spate.interop.Opentracker;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** spate's tracker client against Debian's opentracker on 127.0.0.1, over HTTP and UDP. */
@Tag("interop")
class OpentrackerIT {
    static final InfoHash LISTED = hash(11);
    static final InfoHash UNLISTED = hash(12);

    @TempDir
    Path dir;
    Opentracker opentracker;
    NioEventLoopGroup group;
    Trackers trackers;
    int port;

    @BeforeEach
    void start() throws Exception {
        Installed.requireOpentracker();
        port = LoopbackPorts.free();
        opentracker = Opentracker.start(dir, port, List.of(LISTED.toHex()), Duration.ofSeconds(10));
        group = new NioEventLoopGroup(1);
        trackers = Trackers.create(group, TrackerClientConfig.defaults()
                .withUdpRetransmitBase(Duration.ofMillis(500)).withHttpTimeout(Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() throws Exception {
        if (trackers != null) {
            trackers.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (opentracker != null) {
            opentracker.close();
        }
    }

    URI uri(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + port + "/announce");
    }

    <T> T await(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "udp"})
    void aSecondAnnouncerSeesTheFirst(String scheme) throws Exception {
        URI uri = uri(scheme);
        await(trackers.announce(uri, announce(LISTED, 'a', 7001, 10, AnnounceEvent.STARTED)));
        AnnounceResponse second = await(trackers.announce(uri, announce(LISTED, 'b', 7002, 0, AnnounceEvent.STARTED)));
        assertThat(second.peers()).as(opentracker.describe())
                .contains(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 7001));
        assertThat(second.seeders()).hasValue(1);
        assertThat(second.leechers()).hasValue(1);
        assertThat(second.interval()).isPositive();
        assertThat(await(trackers.scrape(uri, List.of(LISTED))).files())
                .containsEntry(LISTED, new ScrapeStats(1, 0, 1));
        await(trackers.announce(uri, announce(LISTED, 'b', 7002, 0, AnnounceEvent.STOPPED)));
        AnnounceResponse first = await(trackers.announce(uri, announce(LISTED, 'a', 7001, 10, AnnounceEvent.NONE)));
        assertThat(first.peers()).doesNotContain(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 7002));
    }

    @Test
    void itsRefusalReachesTheUser() {
        assertThatThrownBy(() -> await(trackers.announce(uri("http"), announce(UNLISTED, 'a', 7001, 10,
                AnnounceEvent.STARTED)))).isInstanceOf(TrackerException.class)
                .hasMessage(uri("http") + ": tracker refused: "
                        + "Requested download is not authorized for use with this tracker.");
    }
}
