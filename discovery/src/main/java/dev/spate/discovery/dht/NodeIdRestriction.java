package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.discovery.tracker.wire.CompactPeers;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Random;
import java.util.zip.CRC32C;

/**
 * BEP 42: a node id's first 21 bits must come from CRC32C of the node's masked IP address and a
 * random {@code r} (0 to 7) kept in the id's last byte. Local addresses (loopback, private ranges,
 * link-local) are exempt, as the BEP says, since their ids cannot be checked against anything.
 */
public final class NodeIdRestriction {
    private static final byte[] V4_MASK = {0x03, 0x0f, 0x3f, (byte) 0xff};
    private static final byte[] V6_MASK = {0x01, 0x03, 0x07, 0x0f, 0x1f, 0x3f, 0x7f, (byte) 0xff};

    private NodeIdRestriction() {
    }

    /** True if {@code id} is a valid id for a node at {@code ip}, or {@code ip} is exempt. */
    public static boolean matches(NodeId id, InetAddress ip) {
        InetAddress a = CompactPeers.unmap(ip);
        if (isExempt(a)) {
            return true;
        }
        byte[] b = id.toByteArray();
        int crc = crc(a, b[19] & 7);
        return b[0] == (byte) (crc >>> 24) && b[1] == (byte) (crc >>> 16)
                && (b[2] & 0xf8) == ((crc >>> 8) & 0xf8);
    }

    /** A random id that is valid for {@code ip}. */
    public static NodeId generate(InetAddress ip, Random random) {
        byte[] b = new byte[NodeId.LENGTH];
        random.nextBytes(b);
        int r = b[19] & 7;
        int crc = crc(CompactPeers.unmap(ip), r);
        b[0] = (byte) (crc >>> 24);
        b[1] = (byte) (crc >>> 16);
        b[2] = (byte) (((crc >>> 8) & 0xf8) | (b[2] & 7));
        return NodeId.of(b);
    }

    /** Loopback, RFC 1918, link-local and (IPv6) unique-local addresses. */
    public static boolean isExempt(InetAddress ip) {
        InetAddress a = CompactPeers.unmap(ip);
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()) {
            return true;
        }
        // fc00::/7, which InetAddress does not call site-local.
        return !(a instanceof Inet4Address) && (a.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static int crc(InetAddress ip, int r) {
        byte[] raw = ip.getAddress();
        byte[] mask = raw.length == 4 ? V4_MASK : V6_MASK;
        byte[] masked = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            masked[i] = (byte) (raw[i] & mask[i]);
        }
        masked[0] |= (byte) (r << 5);
        CRC32C crc = new CRC32C();
        crc.update(masked);
        return (int) crc.getValue();
    }
}
