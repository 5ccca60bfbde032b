package dev.spate.discovery.tracker.udp;

import static dev.spate.discovery.tracker.TestRequests.announce;
import static dev.spate.discovery.tracker.TestRequests.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.AnnounceResponse;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.discovery.tracker.Trackers;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The UDP client on a real socket, against a tracker that never answers. */
class UdpTrackerClientTest {
    static NioEventLoopGroup group;

    @BeforeAll
    static void startGroup() {
        group = new NioEventLoopGroup(1);
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void retransmitsTheSameConnectThenTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                Trackers trackers = Trackers.create(group, TrackerClientConfig.defaults()
                        .withUdpRetransmitBase(Duration.ofMillis(50)).withUdpMaxRetransmits(2))) {
            silent.setSoTimeout(5000);
            URI uri = URI.create("udp://127.0.0.1:" + silent.getLocalPort() + "/announce");
            long start = System.nanoTime();
            CompletableFuture<AnnounceResponse> f = trackers.announce(uri, announce(hash(1), 'a', 1, 0,
                    AnnounceEvent.STARTED));
            List<Integer> transactionIds = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                DatagramPacket p = new DatagramPacket(new byte[64], 64);
                silent.receive(p);
                assertThat(p.getLength()).isEqualTo(16);
                ByteBuffer b = ByteBuffer.wrap(p.getData());
                assertThat(b.getLong(0)).isEqualTo(0x41727101980L);
                transactionIds.add(b.getInt(12));
            }
            assertThat(transactionIds).as("a retransmission is the same request").containsOnly(transactionIds.get(0));
            assertThatThrownBy(() -> {
                try {
                    f.get(5, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause();
                }
            }).isInstanceOf(TrackerException.class).hasMessage(uri
                    + ": no answer: no reply after 3 sends, the last one waited 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        }
    }

    @Test
    void aUdpUrlNeedsAPort() {
        try (Trackers trackers = Trackers.create(group, TrackerClientConfig.defaults())) {
            CompletableFuture<AnnounceResponse> f = trackers.announce(URI.create("udp://127.0.0.1/announce"),
                    announce(hash(1), 'a', 1, 0, AnnounceEvent.NONE));
            assertThat(f).isCompletedExceptionally();
            assertThatThrownBy(f::join).hasCauseInstanceOf(TrackerException.class)
                    .cause().extracting(e -> ((TrackerException) e).kind()).isEqualTo(Kind.UNSUPPORTED);
        }
    }
}
