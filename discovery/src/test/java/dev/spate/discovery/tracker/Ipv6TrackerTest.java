package dev.spate.discovery.tracker;

import static dev.spate.discovery.tracker.TestRequests.announce;
import static dev.spate.discovery.tracker.TestRequests.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** IPv6 end to end on ::1: BEP 7's peers6 over HTTP, 18-byte peers over UDP (BEP 15). */
class Ipv6TrackerTest {

    @Test
    void peersOverIpv6() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (DatagramSocket probe = new DatagramSocket(0, v6)) {
            assumeTrue(probe.getLocalPort() > 0);
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback here: " + e.getMessage());
        }
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try (EmbeddedTracker tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(0).withBindAddress(v6));
                Trackers trackers = Trackers.create(group, TrackerClientConfig.defaults()
                        .withUdpRetransmitBase(Duration.ofMillis(250)))) {
            assertThat(tracker.httpAnnounceUri()).hasToString("http://[0:0:0:0:0:0:0:1]:" + tracker.port()
                    + "/announce");
            for (URI uri : new URI[] {tracker.httpAnnounceUri(), tracker.udpAnnounceUri()}) {
                InfoHash h = hash(uri.getScheme().length());
                trackers.announce(uri, announce(h, 'a', 7001, 5, AnnounceEvent.STARTED)).get(5, TimeUnit.SECONDS);
                AnnounceResponse r = trackers.announce(uri, announce(h, 'b', 7002, 5, AnnounceEvent.STARTED))
                        .get(5, TimeUnit.SECONDS);
                assertThat(r.peers()).as(uri.toString()).containsExactly(new InetSocketAddress(v6, 7001));
                if (uri.getScheme().equals("http")) {
                    assertThat(r.externalIp()).contains(v6);
                }
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
