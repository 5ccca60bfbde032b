package dev.spate.discovery.tracker.wire;

import static dev.spate.discovery.tracker.wire.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class CompactPeersTest {

    @Test
    void ipv4PeersAreSixBytesAddressThenPort() throws Exception {
        byte[] raw = hex("7f000001 1ae1  0a000002 c8d5  0a000003 0000  0102"); // port 0 and a partial entry skipped
        assertThat(CompactPeers.decode(raw, CompactPeers.IPV4_STRIDE)).containsExactly(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 6881),
                new InetSocketAddress(InetAddress.getByName("10.0.0.2"), 51413));
    }

    @Test
    void ipv6PeersAreEighteenBytes() throws Exception {
        byte[] raw = hex("00000000000000000000000000000001 1ae1");
        assertThat(CompactPeers.decode(raw, CompactPeers.IPV6_STRIDE))
                .containsExactly(new InetSocketAddress(InetAddress.getByName("::1"), 6881));
    }

    @Test
    void encodes() throws Exception {
        assertThat(CompactPeers.encode(InetAddress.getByName("192.0.2.7"), 6969)).isEqualTo(hex("c0000207 1b39"));
        assertThat(CompactPeers.encode(InetAddress.getByName("::1"), 1))
                .isEqualTo(hex("00000000000000000000000000000001 0001"));
    }

    @Test
    void unmapsIpv4MappedAddresses() throws Exception {
        InetAddress mapped = InetAddress.getByAddress(hex("00000000000000000000ffff 7f000001"));
        assertThat(CompactPeers.isIpv4(mapped)).isTrue();
        assertThat(CompactPeers.unmap(mapped)).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(CompactPeers.isIpv4(InetAddress.getByName("::1"))).isFalse();
    }
}
