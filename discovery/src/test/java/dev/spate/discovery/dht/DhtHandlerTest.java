package dev.spate.discovery.dht;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.ErrorLogCheck;
import dev.spate.discovery.ManualTime;
import dev.spate.discovery.dht.krpc.KrpcCodec;
import dev.spate.discovery.dht.krpc.KrpcError;
import dev.spate.discovery.dht.krpc.KrpcMessage;
import dev.spate.discovery.dht.krpc.KrpcQuery;
import dev.spate.discovery.dht.krpc.KrpcQuery.AnnouncePeer;
import dev.spate.discovery.dht.krpc.KrpcQuery.FindNode;
import dev.spate.discovery.dht.krpc.KrpcQuery.GetPeers;
import dev.spate.discovery.dht.krpc.KrpcQuery.Ping;
import dev.spate.discovery.dht.krpc.KrpcResponse;
import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.metainfo.bencode.BString;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One node on an {@link EmbeddedChannel} with time moved by hand: what it answers, what it refuses,
 * how it keeps queriers, and a lookup against scripted nodes.
 */
@ExtendWith(ErrorLogCheck.class)
class DhtHandlerTest {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    final Random random = new Random(11);
    final NodeId own = NodeId.random(random);
    EmbeddedChannel channel;
    ManualTime time;
    DhtHandler handler;
    int nextTransaction;

    void start(DhtConfig config) {
        channel = new EmbeddedChannel();
        time = new ManualTime(channel);
        handler = new DhtHandler(config, own, List.of(), time, random);
        channel.pipeline().addLast(handler);
    }

    @AfterEach
    void tearDown() {
        handler.engine().checkInvariants();
        assertThat(channel.finishAndReleaseAll()).as("datagrams nobody looked at").isFalse();
    }

    static InetSocketAddress at(int port) {
        return new InetSocketAddress(LOOPBACK, port);
    }

    BString t() {
        return BString.of("t" + nextTransaction++);
    }

    void receive(KrpcMessage m, InetSocketAddress from) {
        receive(KrpcCodec.encode(m), from);
    }

    void receive(byte[] bytes, InetSocketAddress from) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bytes), at(6881), from));
        time.runDue();
    }

    /** The next datagram sent, which must go to {@code to}. */
    KrpcMessage sent(InetSocketAddress to) {
        DatagramPacket p = channel.readOutbound();
        assertThat(p).as("a datagram was sent").isNotNull();
        try {
            assertThat(p.recipient()).isEqualTo(to);
            return KrpcCodec.decode(ByteBufUtil.getBytes(p.content()));
        } finally {
            p.release();
        }
    }

    void nothingSent() {
        assertThat(channel.outboundMessages()).isEmpty();
    }

    KrpcResponse ask(KrpcQuery.Args args, InetSocketAddress from) {
        NodeId asker = NodeId.random(random);
        receive(new KrpcQuery(t(), asker, args, true), from);
        return (KrpcResponse) sent(from);
    }

    @Test
    void answersAPingWithItsIdAndTheAddressItSawBep42() {
        start(DhtConfig.loopback());
        KrpcResponse r = ask(new Ping(), at(7000));
        assertThat(r.sender()).isEqualTo(own);
        assertThat(r.requester()).contains(at(7000));
    }

    @Test
    void aPeerAnnouncedWithATokenIsGivenToTheNextAsker() {
        start(DhtConfig.loopback());
        NodeId hash = NodeId.random(random);
        KrpcResponse first = ask(new GetPeers(hash, Optional.empty()), at(7000));
        assertThat(first.values()).isEmpty();
        assertThat(first.token()).isPresent();
        KrpcResponse ok = ask(new AnnouncePeer(hash, 51413, false, first.token().get()), at(7000));
        assertThat(ok.sender()).isEqualTo(own);
        assertThat(ask(new GetPeers(hash, Optional.empty()), at(7001)).values()).containsExactly(at(51413));
    }

    @Test
    void impliedPortStoresTheSourcePort() {
        start(DhtConfig.loopback());
        NodeId hash = NodeId.random(random);
        BString token = ask(new GetPeers(hash, Optional.empty()), at(7000)).token().orElseThrow();
        ask(new AnnouncePeer(hash, 1, true, token), at(7000));
        assertThat(ask(new GetPeers(hash, Optional.empty()), at(7001)).values()).containsExactly(at(7000));
    }

    @Test
    void aTokenFromAnotherAddressOrTooOldGetsError203() throws Exception {
        start(DhtConfig.loopback());
        NodeId hash = NodeId.random(random);
        BString token = ask(new GetPeers(hash, Optional.empty()), at(7000)).token().orElseThrow();
        InetSocketAddress elsewhere = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), 7000);
        receive(new KrpcQuery(t(), NodeId.random(random), new AnnouncePeer(hash, 80, false, token), true), elsewhere);
        assertThat(sent(elsewhere)).isInstanceOf(KrpcError.class).extracting(m -> ((KrpcError) m).code())
                .isEqualTo(KrpcError.PROTOCOL);
        time.advance(Duration.ofMinutes(10));
        drainPings();
        receive(new KrpcQuery(t(), NodeId.random(random), new AnnouncePeer(hash, 80, false, token), true), at(7000));
        assertThat(((KrpcError) sent(at(7000))).message()).isEqualTo("bad token");
    }

    @Test
    void unknownMethodsGet204AndBadQueriesGet203WithTheirTransaction() {
        start(DhtConfig.loopback());
        receive(new KrpcQuery(t(), NodeId.random(random), new KrpcQuery.Unknown("vote"), true), at(7000));
        assertThat(((KrpcError) sent(at(7000))).code()).isEqualTo(KrpcError.METHOD_UNKNOWN);
        receive("d1:ad2:id3:abce1:q4:ping1:t2:xy1:y1:qe".getBytes(StandardCharsets.US_ASCII), at(7000));
        KrpcError e = (KrpcError) sent(at(7000));
        assertThat(e.code()).isEqualTo(KrpcError.PROTOCOL);
        assertThat(e.transaction()).isEqualTo(BString.of("xy"));
        receive("d1:rd2:id3:abce1:t2:xy1:y1:re".getBytes(StandardCharsets.US_ASCII), at(7000));
        receive(new byte[] {'x'}, at(7000));
        receive(new byte[KrpcCodec.MAX_MESSAGE_BYTES + 1], at(7000));
        nothingSent();
        assertThat(stats().malformed()).isEqualTo(4);
    }

    @Test
    void aFloodFromOneAddressIsAnsweredOnlyWithinTheLimit() {
        start(DhtConfig.loopback().withRateLimits(new RateLimit(5, 10), new RateLimit(1000, 1000)));
        for (int i = 0; i < 100; i++) {
            // Forged ports do not help: the limit is per IP address.
            receive(new KrpcQuery(t(), NodeId.random(random), new GetPeers(own, Optional.empty()), true),
                    at(20_000 + i));
        }
        assertThat(channel.outboundMessages()).hasSize(10);
        channel.outboundMessages().clear();
        time.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            receive(new KrpcQuery(t(), NodeId.random(random), new Ping(), true), at(20_000 + i));
        }
        assertThat(channel.outboundMessages()).hasSize(5);
        channel.outboundMessages().clear();
        assertThat(stats().queriesRefused()).isEqualTo(185);
    }

    @Test
    void aQuerierIsPingedAndKeptOnlyOnceItAnswers() {
        start(DhtConfig.loopback());
        NodeId other = NodeId.random(random);
        receive(new KrpcQuery(t(), other, new Ping(), false), at(7000));
        assertThat(sent(at(7000))).isInstanceOf(KrpcResponse.class);
        KrpcQuery check = (KrpcQuery) sent(at(7000));
        assertThat(check.args()).isEqualTo(new Ping());
        assertThat(stats().nodes()).isZero();
        receive(KrpcResponse.idOnly(check.transaction(), other), at(7000));
        assertThat(stats().nodes()).isEqualTo(1);
        // A read-only querier (BEP 43) is answered but never pinged nor kept.
        receive(new KrpcQuery(t(), NodeId.random(random), new Ping(), true), at(7001));
        assertThat(sent(at(7001))).isInstanceOf(KrpcResponse.class);
        nothingSent();
    }

    @Test
    void anAnswerFromAnotherAddressOrWithAnUnknownTransactionIsIgnored() {
        start(DhtConfig.loopback());
        NodeId other = NodeId.random(random);
        receive(new KrpcQuery(t(), other, new Ping(), false), at(7000));
        sent(at(7000));
        KrpcQuery check = (KrpcQuery) sent(at(7000));
        receive(KrpcResponse.idOnly(check.transaction(), other), at(7999));
        receive(KrpcResponse.idOnly(BString.of("zz"), other), at(7000));
        assertThat(stats().nodes()).isZero();
        time.advance(Duration.ofSeconds(3));
        assertThat(stats().timeouts()).isEqualTo(1);
        assertThat(stats().pendingQueries()).isZero();
    }

    @Test
    void aReadOnlyNodeAnswersNothingAndSaysSoInItsQueries() {
        start(DhtConfig.loopback().withReadOnly(true).withBootstrap(List.of(at(9000))));
        KrpcQuery bootstrap = (KrpcQuery) sent(at(9000));
        assertThat(bootstrap.readOnly()).isTrue();
        assertThat(bootstrap.args()).isEqualTo(new FindNode(own, Optional.empty()));
        receive(new KrpcQuery(t(), NodeId.random(random), new Ping(), false), at(7000));
        nothingSent();
        time.advance(Duration.ofSeconds(3));
    }

    @Test
    void aLookupFollowsTheNodesItIsToldOfAndEndsWhenTheSilentOnesTimeOut() {
        start(DhtConfig.loopback().withBootstrap(List.of(at(9000), at(9001))));
        // The self-lookup at start: one bootstrap node answers with nothing, the other stays silent.
        KrpcQuery q0 = (KrpcQuery) sent(at(9000));
        sent(at(9001));
        receive(KrpcResponse.idOnly(q0.transaction(), NodeId.random(random)), at(9000));
        time.advance(Duration.ofSeconds(3));
        drainPings();

        NodeId hash = NodeId.random(random);
        List<InetSocketAddress> found = new ArrayList<>();
        CompletableFuture<LookupResult> result = handler.engine().getPeers(hash, found::addAll, null);
        KrpcQuery ask = (KrpcQuery) sent(at(9000));
        assertThat(ask.args()).isEqualTo(new GetPeers(hash, Optional.empty()));
        NodeContact near = new NodeContact(hash.flipBit(150), at(9100));
        NodeContact silent = new NodeContact(hash.flipBit(100), at(9101));
        receive(new KrpcResponse(ask.transaction(), NodeId.random(random), List.of(near, silent), List.of(),
                Optional.of(BString.of("tok0")), List.of(at(6000)), Optional.empty()), at(9000));
        KrpcQuery toNear = (KrpcQuery) sent(at(9100));
        sent(at(9101));
        receive(new KrpcResponse(toNear.transaction(), near.id(), List.of(), List.of(),
                Optional.of(BString.of("tok1")), List.of(at(6000), at(6001)), Optional.empty()), at(9100));
        assertThat(result).isNotDone();
        time.advance(Duration.ofSeconds(3));
        assertThat(result).isCompletedWithValue(new LookupResult(2, 3, 2, 0));
        assertThat(found).containsExactly(at(6000), at(6001));
        drainPings();
    }

    @Test
    void anAnnounceGoesToTheClosestNodesWithTheirTokens() {
        start(DhtConfig.loopback().withBootstrap(List.of(at(9000))));
        KrpcQuery q0 = (KrpcQuery) sent(at(9000));
        NodeId hash = NodeId.random(random);
        NodeId bootstrapId = hash.flipBit(3);
        receive(KrpcResponse.idOnly(q0.transaction(), bootstrapId), at(9000));
        CompletableFuture<LookupResult> result = handler.engine().getPeers(hash, p -> { },
                new DhtEngine.Announce(6881, false));
        KrpcQuery ask = (KrpcQuery) sent(at(9000));
        receive(new KrpcResponse(ask.transaction(), bootstrapId, List.of(), List.of(),
                Optional.of(BString.of("tok0")), List.of(), Optional.empty()), at(9000));
        KrpcQuery announce = (KrpcQuery) sent(at(9000));
        assertThat(announce.args()).isEqualTo(new AnnouncePeer(hash, 6881, false, BString.of("tok0")));
        receive(KrpcResponse.idOnly(announce.transaction(), bootstrapId), at(9000));
        assertThat(result).isCompletedWithValue(new LookupResult(0, 1, 1, 1));
    }

    @Test
    void aFullReplyStaysUnderBep32s1024Bytes() throws Exception {
        start(DhtConfig.loopback());
        for (int i = 0; i < 12; i++) {
            NodeId other = NodeId.random(random);
            receive(new KrpcQuery(t(), other, new Ping(), false), at(8000 + i));
            sent(at(8000 + i));
            receive(KrpcResponse.idOnly(((KrpcQuery) sent(at(8000 + i))).transaction(), other), at(8000 + i));
        }
        assertThat(stats().nodes()).isGreaterThanOrEqualTo(8);
        NodeId hash = NodeId.random(random);
        for (int i = 0; i < 80; i++) {
            InetSocketAddress peer = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 1, 0, (byte) i}),
                    6881);
            BString token = ask(new GetPeers(hash, Optional.empty()), peer).token().orElseThrow();
            ask(new AnnouncePeer(hash, 6881, false, token), peer);
        }
        receive(new KrpcQuery(t(), NodeId.random(random), new GetPeers(hash, Optional.empty()), true), at(7000));
        DatagramPacket reply = channel.readOutbound();
        try {
            assertThat(reply.content().readableBytes()).isLessThanOrEqualTo(1024);
            KrpcResponse r = (KrpcResponse) KrpcCodec.decode(ByteBufUtil.getBytes(reply.content()));
            assertThat(r.values()).hasSize(QueryResponder.MAX_VALUES_V4);
            assertThat(r.nodes()).hasSize(8);
        } finally {
            reply.release();
        }
    }

    @Test
    void withBep42EnforcedANodeWhoseIdDoesNotMatchItsAddressIsAnsweredButNeitherKeptNorAnnouncedTo()
            throws Exception {
        InetSocketAddress bootstrap = new InetSocketAddress(InetAddress.getByName("198.51.100.20"), 6881);
        start(DhtConfig.loopback().withEnforceNodeIds(true).withBootstrap(List.of(bootstrap)));
        KrpcQuery q0 = (KrpcQuery) sent(bootstrap);
        NodeId forged = NodeId.random(random);
        receive(KrpcResponse.idOnly(q0.transaction(), forged), bootstrap);
        assertThat(stats().nodes()).as("a forged id does not enter the table").isZero();

        NodeId hash = NodeId.random(random);
        CompletableFuture<LookupResult> result = handler.engine().getPeers(hash, p -> { },
                new DhtEngine.Announce(6881, false));
        KrpcQuery ask = (KrpcQuery) sent(bootstrap);
        receive(new KrpcResponse(ask.transaction(), forged, List.of(), List.of(), Optional.of(BString.of("tok")),
                List.of(), Optional.empty()), bootstrap);
        assertThat(result).isCompletedWithValue(new LookupResult(0, 1, 1, 0));
        nothingSent();

        // Its queries are still answered (BEP 42), but it is not pinged to be kept; one with a valid id is.
        receive(new KrpcQuery(t(), forged, new Ping(), false), bootstrap);
        assertThat(sent(bootstrap)).isInstanceOf(KrpcResponse.class);
        nothingSent();
        InetSocketAddress honest = new InetSocketAddress(InetAddress.getByName("198.51.100.21"), 6881);
        NodeId valid = NodeIdRestriction.generate(honest.getAddress(), random);
        receive(new KrpcQuery(t(), valid, new Ping(), false), honest);
        sent(honest);
        KrpcQuery check = (KrpcQuery) sent(honest);
        receive(KrpcResponse.idOnly(check.transaction(), valid), honest);
        assertThat(stats().nodes()).isEqualTo(1);
    }

    /** Pings of questionable or unknown nodes that time moving on may have sent. */
    void drainPings() {
        Object m;
        while ((m = channel.readOutbound()) != null) {
            ((DatagramPacket) m).release();
        }
    }

    DhtStats stats() {
        return handler.engine().stats();
    }
}
