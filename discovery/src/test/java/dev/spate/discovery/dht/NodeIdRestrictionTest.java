package dev.spate.discovery.dht;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.dht.krpc.NodeId;
import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BEP 42's node id rule against the BEP's own test vectors. */
class NodeIdRestrictionTest {

    @ParameterizedTest
    @CsvSource({
            "124.31.75.21, 5fbfbff10c5d6a4ec8a88e4c6ab4c28b95eee401",
            "21.75.31.124, 5a3ce9c14e7a08645677bbd1cfe7d8f956d53256",
            "65.23.51.170, a5d43220bc8f112a3d426c84764f8c2a1150e616",
            "84.124.73.14, 1b0321dd1bb1fe518101ceef99462b947a01ff41",
            "43.213.53.83, e56f6cbf5b7c4be0237986d5243b87aa6d5130 5a"})
    void theBepsExampleIdsMatchTheirAddresses(String ip, String id) throws Exception {
        NodeId node = NodeId.fromHex(id.replace(" ", ""));
        assertThat(NodeIdRestriction.matches(node, InetAddress.getByName(ip))).isTrue();
        assertThat(NodeIdRestriction.matches(node, InetAddress.getByName("8.8.4.4"))).isFalse();
        assertThat(NodeIdRestriction.matches(node.flipBit(20), InetAddress.getByName(ip))).as("bit 20 counts").isFalse();
        assertThat(NodeIdRestriction.matches(node.flipBit(21), InetAddress.getByName(ip))).as("bit 21 is free").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.9", "2001:db8::77", "1.2.3.4"})
    void generatedIdsMatch(String ip) throws Exception {
        Random random = new Random(ip.hashCode());
        for (int i = 0; i < 50; i++) {
            assertThat(NodeIdRestriction.matches(NodeIdRestriction.generate(InetAddress.getByName(ip), random),
                    InetAddress.getByName(ip))).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.9.9", "192.168.1.1", "169.254.3.3", "::1", "fe80::1",
            "fd00::2"})
    void localAddressesAreExempt(String ip) throws Exception {
        assertThat(NodeIdRestriction.matches(NodeId.random(new Random(1)), InetAddress.getByName(ip))).isTrue();
    }

    @Test
    void aRandomIdRarelyMatchesAPublicAddress() throws Exception {
        Random random = new Random(2);
        int matches = 0;
        for (int i = 0; i < 1000; i++) {
            if (NodeIdRestriction.matches(NodeId.random(random), InetAddress.getByName("198.51.100.20"))) {
                matches++;
            }
        }
        assertThat(matches).isZero();
    }
}
