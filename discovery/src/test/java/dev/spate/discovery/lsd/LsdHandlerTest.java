package dev.spate.discovery.lsd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.ErrorLogCheck;
import dev.spate.discovery.ManualTime;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Incoming announces delivered in memory, with time moved by hand: no multicast socket needed. */
@ExtendWith(ErrorLogCheck.class)
class LsdHandlerTest {
    static final InfoHash OURS = LsdCodecTest.A;
    static final InfoHash OTHER = LsdCodecTest.B;
    static final InetSocketAddress GROUP = new InetSocketAddress(address(239, 192, 152, 143), 6771);
    EmbeddedChannel channel;
    ManualTime time;
    LsdHandler handler;
    final List<Map.Entry<InfoHash, InetSocketAddress>> found = new ArrayList<>();

    static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel();
        time = new ManualTime(channel);
        handler = new LsdHandler("mine", Set.of(OURS)::contains, (h, p) -> found.add(Map.entry(h, p)), time,
                Duration.ofSeconds(1).toNanos());
        channel.pipeline().addLast(handler);
    }

    @AfterEach
    void tearDown() {
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    void receive(LsdAnnounce announce, InetAddress from) {
        receive(LsdCodec.encode("239.192.152.143:6771", announce), from);
    }

    void receive(byte[] bytes, InetAddress from) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bytes), GROUP, new InetSocketAddress(from, 40000)));
    }

    @Test
    void aPeerIsItsSourceAddressWithTheAnnouncedPortForTorrentsWeAreIn() {
        receive(new LsdAnnounce(6881, List.of(OTHER, OURS), Optional.of("theirs")), address(192, 168, 1, 7));
        assertThat(found).containsExactly(Map.entry(OURS, new InetSocketAddress(address(192, 168, 1, 7), 6881)));
        assertThat(handler.received).isEqualTo(1);
    }

    @Test
    void ourOwnAnnounceComingBackIsDropped() {
        receive(new LsdAnnounce(6881, List.of(OURS), Optional.of("mine")), address(192, 168, 1, 2));
        assertThat(found).isEmpty();
        assertThat(handler.ownEchoes).isEqualTo(1);
    }

    @Test
    void oneAddressIsHeardAtMostOncePerGap() {
        for (int i = 0; i < 100; i++) {
            receive(new LsdAnnounce(6881 + i, List.of(OURS), Optional.empty()), address(192, 168, 1, 7));
        }
        assertThat(found).hasSize(1);
        assertThat(handler.dropped).isEqualTo(99);
        time.advance(Duration.ofSeconds(1));
        receive(new LsdAnnounce(7000, List.of(OURS), Optional.empty()), address(192, 168, 1, 7));
        receive(new LsdAnnounce(7001, List.of(OURS), Optional.empty()), address(192, 168, 1, 8));
        assertThat(found).hasSize(3);
    }

    @Test
    void junkIsCountedAndDropped() {
        receive(new byte[] {1, 2, 3}, address(10, 0, 0, 1));
        receive(new byte[LsdCodec.MAX_DATAGRAM_BYTES + 1], address(10, 0, 0, 2));
        assertThat(handler.dropped).isEqualTo(2);
        assertThat(found).isEmpty();
    }
}
