package dev.spate.discovery.tracker.udp;

import static dev.spate.discovery.tracker.TestRequests.announce;
import static dev.spate.discovery.tracker.TestRequests.hash;
import static dev.spate.discovery.tracker.wire.TestBytes.concat;
import static dev.spate.discovery.tracker.wire.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.ManualTime;
import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.AnnounceResponse;
import dev.spate.discovery.tracker.ScrapeResponse;
import dev.spate.discovery.tracker.ScrapeStats;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.discovery.tracker.wire.UdpTrackerWire;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The UDP exchanges of BEP 15 with time moved by hand, at the specification's own 15-second base:
 * the connect, the connection id cache, transaction ids, retransmission and errors.
 */
class UdpTrackerHandlerTest {
    static final URI URL = URI.create("udp://127.0.0.1:6969/announce");
    static final InetSocketAddress TRACKER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 6969);
    static final InetSocketAddress US = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

    EmbeddedChannel channel;
    ManualTime time;
    UdpTrackerHandler handler;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel();
        time = new ManualTime(channel);
        handler = new UdpTrackerHandler(TrackerClientConfig.defaults().withUdpMaxRetransmits(8), time, new Random(7));
        channel.pipeline().addLast(handler);
    }

    @AfterEach
    void tearDown() {
        assertThat(channel.finishAndReleaseAll()).as("packets nobody looked at").isFalse();
    }

    CompletableFuture<AnnounceResponse> announceAt(InetSocketAddress tracker) {
        return handler.submit(URL, tracker, new UdpRequest.Announce(announce(hash(1), 'a', 6881, 10,
                AnnounceEvent.STARTED), "/announce"));
    }

    /** The next packet sent: its recipient checked, its bytes returned. */
    byte[] sent() {
        DatagramPacket p = channel.readOutbound();
        assertThat(p).as("a packet was sent").isNotNull();
        assertThat(p.recipient()).isEqualTo(TRACKER);
        byte[] bytes = ByteBufUtil.getBytes(p.content());
        p.release();
        return bytes;
    }

    void nothingSent() {
        assertThat(channel.outboundMessages()).isEmpty();
    }

    void receive(byte[] bytes, InetSocketAddress from) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bytes), US, from));
    }

    static int transactionId(byte[] request) {
        return Unpooled.wrappedBuffer(request).getInt(12);
    }

    static byte[] int32(int v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    /** Sends the connect, answers it with connection id 0xc1, and returns the announce that follows. */
    byte[] connect() {
        byte[] connect = sent();
        assertThat(connect).hasSize(16);
        assertThat(connect).startsWith(hex("00000417 27101980 00000000"));
        receive(concat(hex("00000000"), int32(transactionId(connect)), hex("00000000000000c1")), TRACKER);
        byte[] request = sent();
        assertThat(request).startsWith(hex("00000000000000c1 00000001"));
        assertThat(transactionId(request)).isNotEqualTo(transactionId(connect));
        return request;
    }

    @Test
    void connectsThenAnnounces() throws Exception {
        CompletableFuture<AnnounceResponse> result = announceAt(TRACKER);
        byte[] request = connect();
        assertThat(request).hasSize(98 + 2 + "/announce".length());
        receive(concat(hex("00000001"), int32(transactionId(request)), hex("00000708 00000002 00000001"),
                hex("7f000001 1ae2 0a000001 1ae3")), TRACKER);
        AnnounceResponse r = result.getNow(null);
        assertThat(r).isNotNull();
        assertThat(r.interval()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(r.leechers()).hasValue(2);
        assertThat(r.seeders()).hasValue(1);
        assertThat(r.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 6882),
                new InetSocketAddress("10.0.0.1", 6883));
        assertThat(handler.pendingExchanges()).isZero();
    }

    @Test
    void aConnectionIdIsReusedForOneMinuteThenRenewed() {
        CompletableFuture<AnnounceResponse> first = announceAt(TRACKER);
        byte[] request = connect();
        receive(concat(hex("00000001"), int32(transactionId(request)), hex("0000003c 00000000 00000000")), TRACKER);
        assertThat(first).isCompleted();

        time.advance(Duration.ofSeconds(59));
        announceAt(TRACKER);
        assertThat(sent()).as("announce at once, with the cached id").startsWith(hex("00000000000000c1 00000001"));

        time.advance(Duration.ofSeconds(1)); // the first announce's retransmission is not due yet
        nothingSent();
        announceAt(TRACKER);
        assertThat(sent()).as("a minute on, connect again").startsWith(hex("00000417 27101980 00000000"));
    }

    @Test
    void retransmitsAfter15Times2ToTheNSecondsAndReconnectsWhenTheIdExpires() {
        // BEP 15, "Announce times out": announces at 0, 15 and 45 s; at 105 s the id has expired: connect.
        announceAt(TRACKER);
        byte[] announce = connect();
        time.advance(Duration.ofSeconds(15).minusNanos(1));
        nothingSent();
        time.advance(Duration.ofNanos(1));
        assertThat(sent()).as("at 15 s, the same request").isEqualTo(announce);
        time.advance(Duration.ofSeconds(29));
        nothingSent();
        time.advance(Duration.ofSeconds(1));
        assertThat(sent()).as("at 45 s").isEqualTo(announce);
        time.advance(Duration.ofSeconds(60));
        byte[] reconnect = sent();
        assertThat(reconnect).as("at 105 s the connection id is older than a minute").hasSize(16)
                .startsWith(hex("00000417 27101980 00000000"));
        time.advance(Duration.ofSeconds(119));
        nothingSent();
        time.advance(Duration.ofSeconds(1));
        assertThat(sent()).as("at 225 s, the connect again").isEqualTo(reconnect);
    }

    @Test
    void givesUpAfterTheLastRetransmission() {
        handler = new UdpTrackerHandler(TrackerClientConfig.defaults(), time, new Random(7)); // 2 retransmissions
        channel.pipeline().addLast(handler);
        CompletableFuture<AnnounceResponse> result = announceAt(TRACKER);
        sent();
        time.advance(Duration.ofSeconds(15));
        sent();
        time.advance(Duration.ofSeconds(30));
        sent();
        time.advance(Duration.ofSeconds(60).minusNanos(1));
        assertThat(result).isNotDone();
        time.advance(Duration.ofNanos(1));
        assertThat(failure(result).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure(result)).hasMessage(
                "udp://127.0.0.1:6969/announce: no answer: no reply after 3 sends, the last one waited 60 s");
        nothingSent();
        assertThat(handler.pendingExchanges()).isZero();
    }

    @Test
    void repliesWithAnotherTransactionIdOrFromAnotherAddressAreIgnored() {
        CompletableFuture<AnnounceResponse> result = announceAt(TRACKER);
        byte[] connect = sent();
        int tid = transactionId(connect);
        receive(concat(hex("00000000"), int32(tid + 1), hex("00000000000000c1")), TRACKER);
        receive(concat(hex("00000000"), int32(tid), hex("00000000000000c1")),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 6970));
        receive(hex("0000"), TRACKER);
        nothingSent();
        assertThat(result).isNotDone();
    }

    @Test
    void anErrorReplyRejectsWithTheTrackersMessageAndForgetsTheConnectionId() {
        CompletableFuture<AnnounceResponse> result = announceAt(TRACKER);
        byte[] request = connect();
        receive(concat(hex("00000003"), int32(transactionId(request)), "unregistered torrent"), TRACKER);
        assertThat(failure(result).kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure(result).detail()).isEqualTo("unregistered torrent");
        announceAt(TRACKER);
        assertThat(sent()).as("a fresh connect").hasSize(16);
    }

    @Test
    void aReplyWithTheWrongActionOrTooShortIsMalformed() {
        CompletableFuture<AnnounceResponse> result = announceAt(TRACKER);
        byte[] request = connect();
        receive(concat(hex("00000002"), int32(transactionId(request))), TRACKER);
        assertThat(failure(result).detail()).isEqualTo("expected a reply with action 1, got action 2");

        CompletableFuture<AnnounceResponse> second = announceAt(TRACKER);
        byte[] again = sent();
        receive(concat(hex("00000001"), int32(transactionId(again)), hex("00000708")), TRACKER);
        assertThat(failure(second).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(failure(second).detail()).isEqualTo("announce reply has 12 bytes, needs 20");
    }

    @Test
    void ipv6TrackersSendEighteenBytePeers() throws Exception {
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 6969);
        CompletableFuture<AnnounceResponse> result = announceAt(v6);
        DatagramPacket connect = channel.readOutbound();
        int tid = connect.content().getInt(12);
        connect.release();
        receive(concat(hex("00000000"), int32(tid), hex("0000000000000001")), v6);
        DatagramPacket request = channel.readOutbound();
        int rid = request.content().getInt(12);
        request.release();
        receive(concat(hex("00000001"), int32(rid), hex("00000708 00000000 00000001"),
                hex("00000000000000000000000000000001 1ae1")), v6);
        assertThat(result.get().peers()).containsExactly(new InetSocketAddress(InetAddress.getByName("::1"), 6881));
    }

    @Test
    void scrapesReadTwelveBytesATorrentInTheOrderAsked() throws Exception {
        InfoHash a = hash(1);
        InfoHash b = hash(2);
        CompletableFuture<ScrapeResponse> result = handler.submit(URL, TRACKER, new UdpRequest.Scrape(List.of(a, b)));
        byte[] connect = sent();
        receive(concat(hex("00000000"), int32(transactionId(connect)), hex("00000000000000c1")), TRACKER);
        byte[] scrape = sent();
        assertThat(scrape).isEqualTo(concat(hex("00000000000000c1 00000002"), int32(transactionId(scrape)),
                a.wireId(), b.wireId()));
        receive(concat(hex("00000002"), int32(transactionId(scrape)), hex("00000001 00000002 00000003"),
                hex("00000004 00000005 00000006")), TRACKER);
        assertThat(result.get().files()).containsEntry(a, new ScrapeStats(1, 2, 3))
                .containsEntry(b, new ScrapeStats(4, 5, 6));
    }

    @Test
    void closingTheSocketFailsWhatWaits() {
        CompletableFuture<AnnounceResponse> result = announceAt(TRACKER);
        sent();
        channel.close();
        assertThat(failure(result).kind()).isEqualTo(Kind.NETWORK);
        assertThat(UdpTrackerWire.PROTOCOL_ID).isEqualTo(0x41727101980L);
    }

    static TrackerException failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return (TrackerException) e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
