package dev.spate.discovery.tracker.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact peer lists: 6 bytes a peer for IPv4 (BEP 23: address, then port, network order) and
 * 18 for IPv6 (BEP 7). Used by the HTTP {@code peers}/{@code peers6} strings and by BEP 15 replies.
 */
public final class CompactPeers {
    public static final int IPV4_STRIDE = 6;
    public static final int IPV6_STRIDE = 18;

    private CompactPeers() {
    }

    /**
     * Decodes {@code length} bytes from {@code off} in entries of {@code stride} bytes (6 or 18). A
     * trailing partial entry is ignored, and so is a peer with port 0 (nobody can connect to it).
     */
    public static List<InetSocketAddress> decode(byte[] bytes, int off, int length, int stride) {
        if (stride != IPV4_STRIDE && stride != IPV6_STRIDE) {
            throw new IllegalArgumentException("stride must be 6 or 18: " + stride);
        }
        int n = length / stride;
        List<InetSocketAddress> peers = new ArrayList<>(n);
        byte[] ip = new byte[stride - 2];
        for (int i = 0; i < n; i++) {
            int p = off + i * stride;
            System.arraycopy(bytes, p, ip, 0, ip.length);
            int port = (bytes[p + ip.length] & 0xff) << 8 | (bytes[p + ip.length + 1] & 0xff);
            if (port != 0) {
                peers.add(new InetSocketAddress(address(ip), port));
            }
        }
        return peers;
    }

    public static List<InetSocketAddress> decode(byte[] bytes, int stride) {
        return decode(bytes, 0, bytes.length, stride);
    }

    /** The compact form of one peer: 6 bytes for an IPv4 address, 18 for an IPv6 one. */
    public static byte[] encode(InetAddress address, int port) {
        return encode(address.getAddress(), port);
    }

    /** The compact form of one peer from its raw 4- or 16-byte address. */
    public static byte[] encode(byte[] ip, int port) {
        byte[] out = new byte[ip.length + 2];
        System.arraycopy(ip, 0, out, 0, ip.length);
        out[ip.length] = (byte) (port >> 8);
        out[ip.length + 1] = (byte) port;
        return out;
    }

    /** An address from 4 or 16 raw bytes, with no name lookup. */
    public static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + raw.length, e);
        }
    }

    /**
     * True if {@code address} is IPv4, or an IPv4 address mapped into IPv6 ({@code ::ffff:a.b.c.d}),
     * as a dual-stack socket may report it.
     */
    public static boolean isIpv4(InetAddress address) {
        if (address instanceof Inet4Address) {
            return true;
        }
        return address instanceof Inet6Address && isMapped(address.getAddress());
    }

    /** The IPv4 address behind an IPv4-mapped IPv6 address, or the address itself. */
    public static InetAddress unmap(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] raw = address.getAddress();
            if (isMapped(raw)) {
                byte[] v4 = new byte[4];
                System.arraycopy(raw, 12, v4, 0, 4);
                return address(v4);
            }
        }
        return address;
    }

    private static boolean isMapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }
}
