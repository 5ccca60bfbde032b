package dev.spate.discovery.tracker.server;

import dev.spate.discovery.tracker.wire.CompactPeers;
import java.net.InetAddress;

/**
 * A peer in a swarm, keyed by its address and the port it announced. Mutable, and owned by the
 * tracker's event loop like the swarm that holds it.
 */
final class Peer {
    /** A peer's identity in a swarm: IP (IPv4 in the low word) and port. */
    record Key(boolean ipv6, long high, long low, int port) {
        static Key of(byte[] ip, int port) {
            long high = 0;
            long low = 0;
            for (int i = 0; i < ip.length; i++) {
                if (i < ip.length - 8) {
                    high = high << 8 | (ip[i] & 0xff);
                } else {
                    low = low << 8 | (ip[i] & 0xff);
                }
            }
            return new Key(ip.length == 16, high, low, port);
        }
    }

    final Key key;
    /** The peer's compact form: 6 bytes (IPv4) or 18 (IPv6), ready to copy into a reply. */
    final byte[] compact;
    byte[] peerId;
    boolean seed;
    long lastSeenNanos;
    /** Where the peer sits in its swarm's array, for O(1) removal and random picks. */
    int slot;

    Peer(Key key, byte[] compact, byte[] peerId, boolean seed, long lastSeenNanos) {
        this.key = key;
        this.compact = compact;
        this.peerId = peerId;
        this.seed = seed;
        this.lastSeenNanos = lastSeenNanos;
    }

    boolean isIpv6() {
        return compact.length == CompactPeers.IPV6_STRIDE;
    }

    InetAddress address() {
        byte[] ip = new byte[compact.length - 2];
        System.arraycopy(compact, 0, ip, 0, ip.length);
        return CompactPeers.address(ip);
    }

    int port() {
        return key.port();
    }
}
