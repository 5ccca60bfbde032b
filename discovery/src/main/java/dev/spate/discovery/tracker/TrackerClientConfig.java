package dev.spate.discovery.tracker;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timings of {@link Trackers}.
 *
 * @param httpTimeout          the whole HTTP exchange (connect, redirects, body) must end within this
 * @param udpRetransmitBase    BEP 15's 15 s: a UDP request is sent again after {@code base * 2^n}
 * @param udpMaxRetransmits    how many times a UDP request is sent again before the exchange fails
 *                             (BEP 15 allows up to 8; a client that keeps other trackers waiting wants fewer)
 * @param connectionIdLifetime how long a UDP connection id is used after it arrived (BEP 15: one minute)
 * @param maxResponseBytes     an HTTP body (after gzip) larger than this fails the exchange
 * @param maxRedirects         HTTP redirects followed before giving up
 * @param userAgent            the HTTP {@code User-Agent}
 */
public record TrackerClientConfig(Duration httpTimeout, Duration udpRetransmitBase, int udpMaxRetransmits,
        Duration connectionIdLifetime, int maxResponseBytes, int maxRedirects, String userAgent) {

    public TrackerClientConfig {
        requirePositive(httpTimeout, "httpTimeout");
        requirePositive(udpRetransmitBase, "udpRetransmitBase");
        requirePositive(connectionIdLifetime, "connectionIdLifetime");
        if (udpMaxRetransmits < 0 || udpMaxRetransmits > 8) {
            throw new IllegalArgumentException("udpMaxRetransmits must be 0 to 8 (BEP 15): " + udpMaxRetransmits);
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024: " + maxResponseBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** 30 s for HTTP; UDP at 15, 30 and 60 s (so 105 s in all); connection ids for 60 s; 2 MiB; 5 redirects. */
    public static TrackerClientConfig defaults() {
        return new TrackerClientConfig(Duration.ofSeconds(30), Duration.ofSeconds(15), 2, Duration.ofSeconds(60),
                2 << 20, 5, "spate/0.1");
    }

    public TrackerClientConfig withUdpRetransmitBase(Duration base) {
        return new TrackerClientConfig(httpTimeout, base, udpMaxRetransmits, connectionIdLifetime, maxResponseBytes,
                maxRedirects, userAgent);
    }

    public TrackerClientConfig withUdpMaxRetransmits(int n) {
        return new TrackerClientConfig(httpTimeout, udpRetransmitBase, n, connectionIdLifetime, maxResponseBytes,
                maxRedirects, userAgent);
    }

    public TrackerClientConfig withHttpTimeout(Duration timeout) {
        return new TrackerClientConfig(timeout, udpRetransmitBase, udpMaxRetransmits, connectionIdLifetime,
                maxResponseBytes, maxRedirects, userAgent);
    }

    public TrackerClientConfig withMaxResponseBytes(int bytes) {
        return new TrackerClientConfig(httpTimeout, udpRetransmitBase, udpMaxRetransmits, connectionIdLifetime, bytes,
                maxRedirects, userAgent);
    }

    /** The delay before the {@code n}th retransmission (n from 0): {@code base * 2^n}. */
    public Duration udpRetransmitDelay(int n) {
        return udpRetransmitBase.multipliedBy(1L << Math.min(n, 8));
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
