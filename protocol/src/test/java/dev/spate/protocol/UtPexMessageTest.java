package dev.spate.protocol;

import static dev.spate.protocol.ExtensionHandshakeTest.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.protocol.UtPexMessage.Peer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UtPexMessageTest {

    static InetSocketAddress peer(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    @Test
    void encodesCompactPeersWithTheirFlags() throws Exception {
        UtPexMessage pex = new UtPexMessage(List.of(new Peer(peer("127.0.0.1", 6881), Peer.REACHABLE | Peer.SEED)),
                List.of(peer("10.0.0.2", 80)));
        assertThat(new String(pex.encode(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "d5:added6:\u007f\u0000\u0000\u0001\u001a\u00e17:added.f1:\u00126:added60:8:added6.f0:"
                        + "7:dropped6:\n\u0000\u0000\u0002\u0000\u00508:dropped60:e");
    }

    @Test
    void roundTripsIpv4AndIpv6() throws Exception {
        UtPexMessage pex = new UtPexMessage(
                List.of(new Peer(peer("127.0.0.1", 1), 0), new Peer(peer("::1", 2), Peer.SUPPORTS_UTP),
                        new Peer(peer("127.0.0.2", 3), Peer.PREFERS_ENCRYPTION)),
                List.of(peer("::2", 4), peer("127.0.0.3", 5)));
        UtPexMessage decoded = UtPexMessage.decode(pex.encode());
        // Decoding lists IPv4 before IPv6.
        assertThat(decoded.added()).containsExactly(pex.added().get(0), pex.added().get(2), pex.added().get(1));
        assertThat(decoded.dropped()).containsExactly(peer("127.0.0.3", 5), peer("::2", 4));
    }

    @Test
    void flagsAreOptional() throws Exception {
        UtPexMessage pex = UtPexMessage.decode(ascii("d5:added6:\u007f\u0000\u0000\u0001\u0000\u0001e"));
        assertThat(pex.added()).containsExactly(new Peer(peer("127.0.0.1", 1), 0));
        assertThat(pex.dropped()).isEmpty();
    }

    @Test
    void encodesAtMostFiftyPeersAMessage() throws Exception {
        List<Peer> added = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            added.add(new Peer(peer("127.0.0.1", 1000 + i), 0));
        }
        assertThatThrownBy(() -> new UtPexMessage(added, List.of()).encode())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 50");
        assertThat(new UtPexMessage(added.subList(0, 50), List.of()).encode()).isNotEmpty();
    }

    @Test
    void decodesUpToTwoHundredPeersAList() {
        String two = "\u007f\u0000\u0000\u0001\u0000\u0001".repeat(200);
        assertThat(UtPexMessage.decode(ascii("d5:added1200:" + two + "e")).added()).hasSize(200);
        String tooMany = two + "\u007f\u0000\u0000\u0001\u0000\u0001";
        assertThatThrownBy(() -> UtPexMessage.decode(ascii("d5:added1206:" + tooMany + "e")))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage("ut_pex: added lists 201 peers, at most 200 are accepted");
    }

    static List<Arguments> malformed() {
        return List.of(
                Arguments.of("d5:added5:abcdee", "ut_pex: added has 5 bytes, not a multiple of 6"),
                Arguments.of("d6:added617:" + "x".repeat(17) + "e", "ut_pex: added6 has 17 bytes, not a multiple of 18"),
                Arguments.of("d5:added6:abcdef7:added.f2:xye", "ut_pex: added.f has 2 flags for 1 peers"),
                Arguments.of("d7:droppedi1ee", "ut_pex: dropped should be a string, not a integer"),
                Arguments.of("le", "ut_pex: expected a dictionary, got a list"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesMalformedMessagesWithAReason(String payload, String reason) {
        assertThatThrownBy(() -> UtPexMessage.decode(ascii(payload)))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessage(reason);
    }
}
