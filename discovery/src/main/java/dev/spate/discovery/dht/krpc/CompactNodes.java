package dev.spate.discovery.dht.krpc;

import dev.spate.discovery.tracker.wire.CompactPeers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact node info: 26 bytes a node for IPv4 (BEP 5: id, address, port) and 38 for IPv6
 * ({@code nodes6}, BEP 32), everything in network order.
 */
public final class CompactNodes {
    public static final int IPV4_STRIDE = NodeId.LENGTH + CompactPeers.IPV4_STRIDE;
    public static final int IPV6_STRIDE = NodeId.LENGTH + CompactPeers.IPV6_STRIDE;

    private CompactNodes() {
    }

    /**
     * Decodes {@code length} bytes from {@code off}. The length must be a whole number of entries;
     * an entry with port 0 (nobody can be reached there) or, in {@code nodes6}, an IPv4-mapped
     * address is skipped.
     */
    public static List<NodeContact> decode(byte[] bytes, int off, int length, boolean ipv6) {
        int stride = ipv6 ? IPV6_STRIDE : IPV4_STRIDE;
        if (length % stride != 0) {
            throw new IllegalArgumentException(length + " bytes is not a whole number of " + stride
                    + "-byte node entries");
        }
        List<NodeContact> out = new ArrayList<>(length / stride);
        byte[] id = new byte[NodeId.LENGTH];
        byte[] ip = new byte[stride - NodeId.LENGTH - 2];
        for (int p = off; p < off + length; p += stride) {
            System.arraycopy(bytes, p, id, 0, NodeId.LENGTH);
            System.arraycopy(bytes, p + NodeId.LENGTH, ip, 0, ip.length);
            int portAt = p + NodeId.LENGTH + ip.length;
            int port = (bytes[portAt] & 0xff) << 8 | (bytes[portAt + 1] & 0xff);
            InetAddress address = CompactPeers.address(ip);
            // A v4-mapped address in nodes6 is not an IPv6 node.
            if (port != 0 && CompactPeers.isIpv4(address) != ipv6) {
                out.add(new NodeContact(NodeId.of(id), new InetSocketAddress(address, port)));
            }
        }
        return out;
    }

    /**
     * Encodes the nodes of one family; a node of the other family is left out ({@code ipv6} says
     * which: 38-byte entries, else 26).
     */
    public static byte[] encode(List<NodeContact> nodes, boolean ipv6) {
        int stride = ipv6 ? IPV6_STRIDE : IPV4_STRIDE;
        int n = 0;
        for (NodeContact c : nodes) {
            if (c.isIpv4() != ipv6) {
                n++;
            }
        }
        byte[] out = new byte[n * stride];
        int p = 0;
        for (NodeContact c : nodes) {
            if (c.isIpv4() == ipv6) {
                continue;
            }
            c.id().copyTo(out, p);
            byte[] peer = CompactPeers.encode(c.address().getAddress(), c.address().getPort());
            System.arraycopy(peer, 0, out, p + NodeId.LENGTH, peer.length);
            p += stride;
        }
        return out;
    }
}
