package dev.spate.discovery.lsd;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where local service discovery listens and announces, and how often.
 *
 * @param peerPort         our BitTorrent port, the one announced
 * @param ipv4Group        BEP 14's 239.192.152.143:6771, or another group and port (tests use a private port)
 * @param ipv6Group        BEP 14's [ff15::efc0:988f]:6771; empty: IPv4 only
 * @param networkInterface the interface to announce and listen on, by name ({@code lo} in tests); empty:
 *                         the first interface that is up, not loopback, and supports multicast
 * @param ttl              IP_MULTICAST_TTL of our announces (BEP 14 suggests above 1 for its wide groups)
 * @param reannounce       how often each torrent is announced again (BEP 14: every 5 minutes)
 * @param minMessageGap    the least time between two of our announces (BEP 14: one a minute at most)
 * @param minSourceGap     the least time between two announces taken from one IP address; others are dropped
 */
public record LsdConfig(int peerPort, InetSocketAddress ipv4Group, Optional<InetSocketAddress> ipv6Group,
        Optional<String> networkInterface, int ttl, Duration reannounce, Duration minMessageGap,
        Duration minSourceGap) {
    public static final int PORT = 6771;

    public LsdConfig {
        if (peerPort < 1 || peerPort > 0xffff) {
            throw new IllegalArgumentException("peerPort out of range: " + peerPort);
        }
        Objects.requireNonNull(ipv4Group, "ipv4Group");
        Objects.requireNonNull(ipv6Group, "ipv6Group");
        Objects.requireNonNull(networkInterface, "networkInterface");
        if (!ipv4Group.getAddress().isMulticastAddress()
                || ipv6Group.isPresent() && !ipv6Group.get().getAddress().isMulticastAddress()) {
            throw new IllegalArgumentException("groups must be multicast addresses: " + ipv4Group + ", " + ipv6Group);
        }
        if (ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("ttl out of range: " + ttl);
        }
        if (minMessageGap.isNegative() || reannounce.compareTo(minMessageGap) < 0 || minSourceGap.isNegative()) {
            throw new IllegalArgumentException("need 0 <= minMessageGap <= reannounce and minSourceGap >= 0");
        }
    }

    /** BEP 14's groups and timing on port 6771, TTL 4, the first multicast interface. */
    public static LsdConfig defaults(int peerPort) {
        return new LsdConfig(peerPort, new InetSocketAddress(address("239.192.152.143"), PORT),
                Optional.of(new InetSocketAddress(address("ff15::efc0:988f"), PORT)), Optional.empty(), 4,
                Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(1));
    }

    /**
     * For tests: IPv4 only, on {@code lo}, TTL 1, BEP 14's group on a private {@code port}, and announces
     * as often as {@code gap}.
     */
    public static LsdConfig loopback(int peerPort, int port, Duration gap) {
        return new LsdConfig(peerPort, new InetSocketAddress(address("239.192.152.143"), port), Optional.empty(),
                Optional.of("lo"), 1, Duration.ofMinutes(5), gap, Duration.ZERO);
    }

    public LsdConfig withIpv6Group(InetSocketAddress group) {
        return new LsdConfig(peerPort, ipv4Group, Optional.of(group), networkInterface, ttl, reannounce,
                minMessageGap, minSourceGap);
    }

    public LsdConfig withTiming(Duration newReannounce, Duration newMinMessageGap, Duration newMinSourceGap) {
        return new LsdConfig(peerPort, ipv4Group, ipv6Group, networkInterface, ttl, newReannounce, newMinMessageGap,
                newMinSourceGap);
    }

    /** The Host header for announces to {@code group}: {@code 239.192.152.143:6771} or {@code [ff15::efc0:988f]:6771}. */
    static String hostHeader(InetSocketAddress group) {
        InetAddress a = group.getAddress();
        return (a instanceof Inet6Address ? "[" + compressed(a.getAddress()) + "]" : a.getHostAddress()) + ":"
                + group.getPort();
    }

    /** RFC 5952 text of an IPv6 address: the longest run of two or more zero groups becomes {@code ::}. */
    static String compressed(byte[] v6) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (v6[2 * i] & 0xff) << 8 | (v6[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
