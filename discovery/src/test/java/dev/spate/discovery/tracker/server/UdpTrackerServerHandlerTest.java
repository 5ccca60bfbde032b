package dev.spate.discovery.tracker.server;

import static dev.spate.discovery.tracker.TestRequests.hash;
import static dev.spate.discovery.tracker.wire.TestBytes.concat;
import static dev.spate.discovery.tracker.wire.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.ErrorLogCheck;
import dev.spate.discovery.ManualTime;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The UDP tracker fed packets by hand: what it answers, what it drops, what it refuses. */
@ExtendWith(ErrorLogCheck.class)
class UdpTrackerServerHandlerTest {
    static final InetSocketAddress SELF = new InetSocketAddress(InetAddress.getLoopbackAddress(), 6969);
    static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

    EmbeddedChannel channel;
    ManualTime time;
    TrackerCore core;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel();
        time = new ManualTime(channel);
        core = new TrackerCore(TrackerConfig.defaults().withInterval(Duration.ofSeconds(1800)), time);
        channel.pipeline().addLast(new UdpTrackerServerHandler(core));
    }

    @AfterEach
    void tearDown() {
        assertThat(channel.finishAndReleaseAll()).as("replies nobody looked at").isFalse();
    }

    /** Sends a packet from {@code from}; returns the reply's bytes, or null if none. */
    byte[] exchange(byte[] packet, InetSocketAddress from) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(packet), SELF, from));
        DatagramPacket reply = channel.readOutbound();
        if (reply == null) {
            return null;
        }
        assertThat(reply.recipient()).isEqualTo(from);
        byte[] bytes = ByteBufUtil.getBytes(reply.content());
        reply.release();
        assertThat(channel.outboundMessages()).as("one reply a request").isEmpty();
        return bytes;
    }

    long connect(InetSocketAddress from) {
        byte[] reply = exchange(hex("00000417 27101980 00000000 0000abcd"), from);
        assertThat(reply).hasSize(16).startsWith(hex("00000000 0000abcd"));
        return Unpooled.wrappedBuffer(reply).getLong(8);
    }

    static byte[] announce(long connectionId, InfoHash h, int port, long left, int numWant) {
        ByteBuf b = Unpooled.buffer();
        b.writeLong(connectionId).writeInt(1).writeInt(0x77).writeBytes(h.wireId())
                .writeBytes("-SP0100-000000000000".getBytes()).writeLong(0).writeLong(left).writeLong(0)
                .writeInt(2).writeInt(0).writeInt(0).writeInt(numWant).writeShort(port);
        byte[] out = ByteBufUtil.getBytes(b);
        b.release();
        return out;
    }

    @Test
    void connectThenAnnounce() {
        long id = connect(CLIENT);
        InfoHash h = hash(1);
        assertThat(exchange(announce(id, h, 6881, 5, -1), CLIENT))
                .isEqualTo(hex("00000001 00000077 00000708 00000001 00000000"));
        byte[] second = exchange(announce(id, h, 6882, 0, -1), CLIENT);
        assertThat(second).isEqualTo(hex("00000001 00000077 00000708 00000001 00000001 7f000001 1ae1"));
        assertThat(core.stats().announces()).isEqualTo(2);
    }

    @Test
    void ipv6SendersGetEighteenBytePeers() throws Exception {
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 40000);
        InfoHash h = hash(1);
        exchange(announce(connect(v6), h, 6881, 5, -1), v6);
        byte[] reply = exchange(announce(connect(v6), h, 6882, 5, -1), v6);
        assertThat(reply).isEqualTo(hex("00000001 00000077 00000708 00000002 00000000"
                + "00000000000000000000000000000001 1ae1"));
    }

    @Test
    void garbageIsDroppedUnanswered() {
        assertThat(exchange(hex("00000417 27101980 000000"), CLIENT)).as("15 bytes").isNull();
        assertThat(exchange(hex("00000417 27101981 00000000 00000001"), CLIENT)).as("connect, no magic").isNull();
        assertThat(exchange(hex("00000417 27101980 00000007 00000001"), CLIENT)).as("unknown action").isNull();
        assertThat(exchange(new byte[0], CLIENT)).isNull();
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            if (junk.length > 8) {
                junk[8] = (byte) 0x55; // an action no tracker knows; shorter ones are too short
            }
            assertThat(exchange(junk, CLIENT)).isNull();
        }
        assertThat(core.stats().droppedPackets()).isEqualTo(1004);
        assertThat(core.stats().swarms()).isZero();
    }

    @Test
    void anUnknownConnectionIdGetsAnError() {
        byte[] reply = exchange(announce(0x1234, hash(1), 6881, 5, -1), CLIENT);
        assertThat(reply).isEqualTo(concat(hex("00000003 00000077"),
                "unknown or expired connection id; connect again"));
        assertThat(core.stats().swarms()).isZero();
    }

    @Test
    void aConnectionIdIsBoundToTheClientsAddressAndPort() {
        long id = connect(CLIENT);
        InetSocketAddress other = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40001);
        assertThat(exchange(announce(id, hash(1), 6881, 5, -1), other)).startsWith(hex("00000003"));
    }

    @Test
    void aConnectionIdLastsTwoMinutesAtLeastAndThreeAtMost() {
        long id = connect(CLIENT);
        time.advance(Duration.ofMinutes(2));
        assertThat(exchange(announce(id, hash(1), 6881, 5, -1), CLIENT)).startsWith(hex("00000001"));
        time.advance(Duration.ofMinutes(1));
        assertThat(exchange(announce(id, hash(1), 6881, 5, -1), CLIENT)).startsWith(hex("00000003"));
    }

    @Test
    void aShortAnnounceIsRefused() {
        long id = connect(CLIENT);
        byte[] shortAnnounce = java.util.Arrays.copyOf(announce(id, hash(1), 6881, 5, -1), 60);
        assertThat(exchange(shortAnnounce, CLIENT)).isEqualTo(concat(hex("00000003 00000077"),
                "announce of 60 bytes; it has at least 98"));
        assertThat(exchange(announce(id, hash(1), 0, 5, -1), CLIENT)).isEqualTo(concat(hex("00000003 00000077"),
                "port 0"));
    }

    @Test
    void anAbsurdNumWantIsClamped() {
        long id = connect(CLIENT);
        InfoHash h = hash(1);
        for (int port = 1; port <= 300; port++) {
            exchange(announce(id, h, port, 5, 0), CLIENT);
        }
        assertThat(exchange(announce(id, h, 1000, 5, Integer.MAX_VALUE), CLIENT)).hasSize(20 + 6 * 200);
        assertThat(exchange(announce(id, h, 1000, 5, -1), CLIENT)).hasSize(20 + 6 * 50);
    }

    @Test
    void aFloodOfRandomInfoHashesStaysCapped() {
        core = new TrackerCore(TrackerConfig.defaults().withLimits(50, 10, 500), time);
        channel.pipeline().removeFirst();
        channel.pipeline().addLast(new UdpTrackerServerHandler(core));
        long id = connect(CLIENT);
        for (int i = 0; i < 5000; i++) {
            exchange(announce(id, hash(i), 1 + i % 60000, 5, -1), CLIENT);
        }
        assertThat(core.stats().swarms()).isEqualTo(50);
        assertThat(core.stats().peers()).isEqualTo(50);
    }

    @Test
    void scrapeAnswersTwelveBytesATorrent() {
        long id = connect(CLIENT);
        exchange(announce(id, hash(1), 6881, 0, -1), CLIENT);
        ByteBuf scrape = Unpooled.buffer().writeLong(id).writeInt(2).writeInt(5).writeBytes(hash(1).wireId())
                .writeBytes(hash(2).wireId());
        assertThat(exchange(ByteBufUtil.getBytes(scrape), CLIENT)).isEqualTo(hex(
                "00000002 00000005 00000001 00000000 00000000 00000000 00000000 00000000"));
        scrape.release();
        ByteBuf empty = Unpooled.buffer().writeLong(id).writeInt(2).writeInt(5).writeBytes(new byte[19]);
        assertThat(exchange(ByteBufUtil.getBytes(empty), CLIENT)).startsWith(hex("00000003 00000005"));
        empty.release();
    }
}
