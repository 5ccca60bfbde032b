package dev.spate.protocol;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Peers in compact form: 4 or 16 address bytes then a 2-byte port, big-endian. */
final class CompactPeers {
    static final int V4 = 6;
    static final int V6 = 18;

    private CompactPeers() {
    }

    static boolean isV4(InetSocketAddress peer) {
        return peer.getAddress() instanceof Inet4Address;
    }

    static byte[] encode(List<InetSocketAddress> peers, int entryLength) {
        ByteBuffer out = ByteBuffer.allocate(peers.size() * entryLength);
        for (InetSocketAddress peer : peers) {
            InetAddress address = peer.getAddress();
            if (address == null || address.getAddress().length != entryLength - 2) {
                throw new IllegalArgumentException("not a resolved IPv" + (entryLength == V4 ? 4 : 6)
                        + " address: " + peer);
            }
            out.put(address.getAddress()).putShort((short) peer.getPort());
        }
        return out.array();
    }

    /**
     * Decodes {@code bytes} as compact peers of {@code entryLength} bytes each.
     *
     * @param what the message and field, for the violation's reason
     */
    static List<InetSocketAddress> decode(String what, byte[] bytes, int entryLength, int maxPeers) {
        if (bytes.length % entryLength != 0) {
            throw new ProtocolViolation(what + " has " + bytes.length + " bytes, not a multiple of " + entryLength);
        }
        int count = bytes.length / entryLength;
        if (count > maxPeers) {
            throw new ProtocolViolation(what + " lists " + count + " peers, at most " + maxPeers + " are accepted");
        }
        List<InetSocketAddress> peers = new ArrayList<>(count);
        byte[] ip = new byte[entryLength - 2];
        for (int i = 0; i < bytes.length; i += entryLength) {
            System.arraycopy(bytes, i, ip, 0, ip.length);
            int port = (bytes[i + ip.length] & 0xff) << 8 | (bytes[i + ip.length + 1] & 0xff);
            peers.add(new InetSocketAddress(address(ip), port));
        }
        return peers;
    }

    private static InetAddress address(byte[] ip) {
        try {
            // An IPv4-mapped IPv6 address comes back as an Inet4Address.
            return InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 and 16 bytes are always an address", e);
        }
    }
}
