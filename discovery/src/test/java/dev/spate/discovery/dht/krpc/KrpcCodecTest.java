package dev.spate.discovery.dht.krpc;

import static dev.spate.discovery.tracker.wire.TestBytes.concat;
import static dev.spate.discovery.tracker.wire.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.discovery.dht.krpc.KrpcQuery.AnnouncePeer;
import dev.spate.discovery.dht.krpc.KrpcQuery.FindNode;
import dev.spate.discovery.dht.krpc.KrpcQuery.GetPeers;
import dev.spate.discovery.dht.krpc.KrpcQuery.Ping;
import dev.spate.discovery.dht.krpc.KrpcQuery.Unknown;
import dev.spate.discovery.dht.krpc.KrpcQuery.Want;
import dev.spate.metainfo.bencode.BString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** KRPC messages against the byte sequences of BEP 5 (and BEP 32, 42, 43), both ways. */
class KrpcCodecTest {
    static final BString AA = BString.of("aa");
    static final NodeId ABC = id("abcdefghij0123456789");
    static final NodeId MNO = id("mnopqrstuvwxyz123456");

    static NodeId id(String twenty) {
        return NodeId.of(twenty.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Decodes, compares, and encodes back to the very same bytes. */
    static void roundTrip(String wire, KrpcMessage expected) {
        assertThat(KrpcCodec.decode(ascii(wire))).isEqualTo(expected);
        assertThat(new String(KrpcCodec.encode(expected), StandardCharsets.ISO_8859_1)).isEqualTo(wire);
    }

    static InetSocketAddress peer(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    @Nested
    class Bep5Examples {
        @Test
        void ping() {
            roundTrip("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe",
                    new KrpcQuery(AA, ABC, new Ping(), false));
            roundTrip("d1:rd2:id20:mnopqrstuvwxyz123456e1:t2:aa1:y1:re", KrpcResponse.idOnly(AA, MNO));
        }

        @Test
        void findNode() {
            roundTrip("d1:ad2:id20:abcdefghij01234567896:target20:mnopqrstuvwxyz123456e1:q9:find_node1:t2:aa1:y1:qe",
                    new KrpcQuery(AA, ABC, new FindNode(MNO, Optional.empty()), false));
        }

        @Test
        void findNodeResponseWithOneCompactNode() throws Exception {
            // BEP 5's "def456..." stands for compact node info; here is one real 26-byte entry.
            byte[] wire = concat("d1:rd2:id20:0123456789abcdefghij5:nodes26:", "mnopqrstuvwxyz123456",
                    hex("7f000001 1ae1"), "e1:t2:aa1:y1:re");
            KrpcResponse expected = new KrpcResponse(AA, id("0123456789abcdefghij"),
                    List.of(new NodeContact(MNO, peer("127.0.0.1", 6881))), List.of(), Optional.empty(), List.of(),
                    Optional.empty());
            assertThat(KrpcCodec.decode(wire)).isEqualTo(expected);
            assertThat(KrpcCodec.encode(expected)).isEqualTo(wire);
        }

        @Test
        void getPeers() {
            roundTrip("d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz123456e1:q9:get_peers1:t2:aa1:y1:qe",
                    new KrpcQuery(AA, ABC, new GetPeers(MNO, Optional.empty()), false));
        }

        @Test
        void getPeersResponseWithPeers() throws Exception {
            // "axje.u" is 97.120.106.101 port 0x2e75; "idhtnm" is 105.100.104.116 port 0x6e6d.
            roundTrip("d1:rd2:id20:abcdefghij01234567895:token8:aoeusnth6:valuesl6:axje.u6:idhtnmee1:t2:aa1:y1:re",
                    new KrpcResponse(AA, ABC, List.of(), List.of(), Optional.of(BString.of("aoeusnth")),
                            List.of(peer("97.120.106.101", 0x2e75), peer("105.100.104.116", 0x6e6d)),
                            Optional.empty()));
        }

        @Test
        void announcePeerWithImpliedPort() {
            roundTrip("d1:ad2:id20:abcdefghij012345678912:implied_porti1e9:info_hash20:mnopqrstuvwxyz1234564:"
                            + "porti6881e5:token8:aoeusnthe1:q13:announce_peer1:t2:aa1:y1:qe",
                    new KrpcQuery(AA, ABC, new AnnouncePeer(MNO, 6881, true, BString.of("aoeusnth")), false));
        }

        @Test
        void genericError() {
            roundTrip("d1:eli201e23:A Generic Error Ocurrede1:t2:aa1:y1:ee",
                    new KrpcError(AA, KrpcError.GENERIC, "A Generic Error Ocurred"));
        }

        @Test
        void placeholderNodesOfNineBytesAreNotAWholeEntry() {
            assertThatThrownBy(() -> KrpcCodec.decode(ascii(
                    "d1:rd2:id20:0123456789abcdefghij5:nodes9:def456...e1:t2:aa1:y1:re")))
                    .isInstanceOf(KrpcException.class).hasMessageContaining("26-byte");
        }
    }

    @Nested
    class Extensions {
        @Test
        void wantAndNodes6OfBep32() throws Exception {
            roundTrip("d1:ad2:id20:abcdefghij01234567896:target20:mnopqrstuvwxyz1234564:wantl2:n42:n6ee"
                            + "1:q9:find_node1:t2:aa1:y1:qe",
                    new KrpcQuery(AA, ABC, new FindNode(MNO, Optional.of(new Want(true, true))), false));
            byte[] wire = concat("d1:rd2:id20:abcdefghij01234567896:nodes638:", "mnopqrstuvwxyz123456",
                    hex("00000000 00000000 00000000 00000001 1ae1"), "e1:t2:aa1:y1:re");
            KrpcResponse r = (KrpcResponse) KrpcCodec.decode(wire);
            assertThat(r.nodes6()).containsExactly(new NodeContact(MNO, peer("::1", 6881)));
            assertThat(KrpcCodec.encode(r)).isEqualTo(wire);
        }

        @Test
        void anIpv4MappedEntryInNodes6IsNotAnIpv6Node() {
            byte[] wire = concat("d1:rd2:id20:abcdefghij01234567896:nodes638:", "mnopqrstuvwxyz123456",
                    hex("00000000 00000000 0000ffff 7f000001 1ae1"), "e1:t2:aa1:y1:re");
            assertThat(((KrpcResponse) KrpcCodec.decode(wire)).nodes6()).isEmpty();
        }

        @Test
        void unknownWantStringsAreIgnored() {
            KrpcQuery q = (KrpcQuery) KrpcCodec.decode(ascii("d1:ad2:id20:abcdefghij01234567899:info_hash20:"
                    + "mnopqrstuvwxyz1234564:wantl2:n6i7e2:x9ee1:q9:get_peers1:t2:aa1:y1:qe"));
            assertThat(q.args()).isEqualTo(new GetPeers(MNO, Optional.of(new Want(false, true))));
        }

        @Test
        void hybridValuesOfBep32() throws Exception {
            byte[] wire = concat("d1:rd2:id20:abcdefghij01234567896:valuesl6:", hex("7f000001 0050"), "18:",
                    hex("00000000 00000000 00000000 00000001 0051"), "ee1:t2:aa1:y1:re");
            assertThat(((KrpcResponse) KrpcCodec.decode(wire)).values())
                    .containsExactly(peer("127.0.0.1", 80), peer("::1", 81));
        }

        @Test
        void ipOfBep42AndReadOnlyFlagOfBep43() throws Exception {
            byte[] response = concat("d2:ip6:", hex("7f000001 1ae1"),
                    "1:rd2:id20:mnopqrstuvwxyz123456e1:t2:aa1:y1:re");
            KrpcResponse r = (KrpcResponse) KrpcCodec.decode(response);
            assertThat(r.requester()).contains(peer("127.0.0.1", 6881));
            assertThat(KrpcCodec.encode(r)).isEqualTo(response);
            roundTrip("d1:ad2:id20:abcdefghij0123456789e1:q4:ping2:roi1e1:t2:aa1:y1:qe",
                    new KrpcQuery(AA, ABC, new Ping(), true));
        }

        @Test
        void versionIsWrittenWhenGivenAndIgnoredWhenRead() {
            byte[] wire = KrpcCodec.encode(new KrpcQuery(AA, ABC, new Ping(), false), BString.of("SP01"));
            assertThat(new String(wire, StandardCharsets.ISO_8859_1))
                    .isEqualTo("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:v4:SP011:y1:qe");
            assertThat(KrpcCodec.decode(wire)).isEqualTo(new KrpcQuery(AA, ABC, new Ping(), false));
        }

        @Test
        void unknownMethodsDecodeForError204() {
            KrpcQuery q = (KrpcQuery) KrpcCodec.decode(ascii(
                    "d1:ad2:id20:abcdefghij01234567896:target20:mnopqrstuvwxyz123456e1:q4:vote1:t2:aa1:y1:qe"));
            assertThat(q.args()).isEqualTo(new Unknown("vote"));
        }

        @Test
        void unsortedKeysAreTakenAsSomeNodesSendThem() {
            assertThat(KrpcCodec.decode(ascii("d1:y1:q1:t2:aa1:q4:ping1:ad2:id20:abcdefghij0123456789ee")))
                    .isEqualTo(new KrpcQuery(AA, ABC, new Ping(), false));
        }

        @Test
        void impliedPortMayComeWithoutAPort() {
            KrpcQuery q = (KrpcQuery) KrpcCodec.decode(ascii("d1:ad2:id20:abcdefghij012345678912:implied_porti1e"
                    + "9:info_hash20:mnopqrstuvwxyz1234565:token8:aoeusnthe1:q13:announce_peer1:t2:aa1:y1:qe"));
            assertThat(q.args()).isEqualTo(new AnnouncePeer(MNO, 0, true, BString.of("aoeusnth")));
        }
    }
}
