package dev.spate.discovery.lsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spate.discovery.Await;
import dev.spate.discovery.ErrorLogCheck;
import dev.spate.discovery.Ticker;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two services on real multicast sockets, on the loopback interface and a private port, so nothing
 * leaves the machine. Where this machine's loopback does not carry multicast (checked first with
 * a plain socket), the test is skipped and says why; the codec and the logic are covered without
 * sockets by {@link LsdCodecTest}, {@link AnnounceScheduleTest} and {@link LsdHandlerTest}.
 */
@ExtendWith(ErrorLogCheck.class)
class LsdMulticastTest {
    static final Duration DEADLINE = Duration.ofSeconds(10);
    EventLoopGroup group;
    final List<LsdService> services = new ArrayList<>();

    @BeforeEach
    void setUp() {
        group = new NioEventLoopGroup(1);
    }

    @AfterEach
    void tearDown() {
        services.forEach(LsdService::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    LsdService start(LsdConfig config, List<Map.Entry<InfoHash, InetSocketAddress>> found) throws IOException {
        LsdService s = LsdService.start(config, group, Ticker.system(), (h, p) -> found.add(Map.entry(h, p)));
        services.add(s);
        return s;
    }

    @Test
    void twoClientsOnOneHostFindEachOtherOverIpv4Multicast() throws Exception {
        int port = freeUdpPort();
        InetSocketAddress groupAddress = new InetSocketAddress(InetAddress.getByName("239.192.152.143"), port);
        assumeMulticastOnLoopback(groupAddress);
        InfoHash shared = LsdCodecTest.A;
        List<Map.Entry<InfoHash, InetSocketAddress>> foundByA = new CopyOnWriteArrayList<>();
        List<Map.Entry<InfoHash, InetSocketAddress>> foundByB = new CopyOnWriteArrayList<>();
        LsdService a = start(LsdConfig.loopback(6881, port, Duration.ofMillis(50)), foundByA);
        LsdService b = start(LsdConfig.loopback(6882, port, Duration.ofMillis(50)), foundByB);
        a.add(shared);
        b.add(shared);
        b.add(LsdCodecTest.B); // only b is in this one: a must not hear of it
        Await.until("each hears the other", DEADLINE, () -> !foundByA.isEmpty() && !foundByB.isEmpty());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        assertThat(foundByA).containsOnly(Map.entry(shared, new InetSocketAddress(loopback, 6882)));
        assertThat(foundByB).containsOnly(Map.entry(shared, new InetSocketAddress(loopback, 6881)));
        Await.until("each has heard its own announce come back", DEADLINE,
                () -> a.stats().join().ownEchoes() > 0 && b.stats().join().ownEchoes() > 0);
        LsdStats stats = a.stats().join();
        assertThat(stats.sent()).as("one torrent, announced once in five minutes").isEqualTo(1);
        assertThat(stats.torrents()).isEqualTo(1);
    }

    @Test
    void ipv6MulticastOnLoopbackWhereTheMachineAllowsIt() throws Exception {
        int port = freeUdpPort();
        InetSocketAddress groupAddress = new InetSocketAddress(InetAddress.getByName("ff15::efc0:988f"), port);
        assumeMulticastOnLoopback(groupAddress);
        List<Map.Entry<InfoHash, InetSocketAddress>> foundByB = new CopyOnWriteArrayList<>();
        LsdConfig base = LsdConfig.loopback(6881, port, Duration.ofMillis(50)).withIpv6Group(groupAddress);
        LsdService a = start(base, new CopyOnWriteArrayList<>());
        start(new LsdConfig(6882, base.ipv4Group(), base.ipv6Group(), base.networkInterface(), 1, base.reannounce(),
                base.minMessageGap(), base.minSourceGap()), foundByB).add(LsdCodecTest.A);
        a.add(LsdCodecTest.A);
        Await.until("b hears a over IPv6", DEADLINE, () -> foundByB.stream().anyMatch(e -> e.getValue().getAddress()
                instanceof java.net.Inet6Address));
    }

    /** Skips the test, saying why, unless a datagram sent to the group on {@code lo} comes back. */
    static void assumeMulticastOnLoopback(InetSocketAddress group) throws IOException {
        NetworkInterface lo = NetworkInterface.getByName("lo");
        assumeTrue(lo != null, "no interface named lo");
        boolean v4 = group.getAddress() instanceof java.net.Inet4Address;
        String why = null;
        try (DatagramChannel ch = DatagramChannel.open(v4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6)) {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(new InetSocketAddress(group.getPort()));
            ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, lo);
            ch.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            ch.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            ch.join(group.getAddress(), lo);
            ch.send(ByteBuffer.wrap(new byte[] {'p', 'r', 'o', 'b', 'e'}), group);
            ch.configureBlocking(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            ByteBuffer in = ByteBuffer.allocate(64);
            while (ch.receive(in) == null) {
                if (System.nanoTime() > deadline) {
                    why = "a datagram sent to " + group + " on lo never came back";
                    break;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
        } catch (IOException e) {
            why = "multicast to " + group + " on lo fails here: " + e.getMessage();
        }
        if (why != null) {
            System.out.println("[lsd] skipped: " + why);
        }
        assumeTrue(why == null, why);
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
