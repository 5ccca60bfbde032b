package dev.spate.discovery.tracker;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A tracker's successful answer to an announce. A {@code failure reason} is not a response: it
 * fails the announce with a {@link TrackerException} of kind {@link TrackerException.Kind#REJECTED}.
 *
 * @param interval    how long to wait before the next regular announce
 * @param minInterval the shortest wait the tracker tolerates between announces, if it said
 * @param peers       the peers it listed, IPv4 and IPv6 ({@code peers} and {@code peers6}); a peer
 *                    listed by host name (dictionary form) is an unresolved address
 * @param seeders     {@code complete} (HTTP) or {@code seeders} (UDP)
 * @param leechers    {@code incomplete} (HTTP) or {@code leechers} (UDP)
 * @param warning     a {@code warning message} to show the user
 * @param trackerId   a {@code tracker id} to send back on later announces
 * @param externalIp  our address as the tracker sees it (BEP 24)
 */
public record AnnounceResponse(Duration interval, Optional<Duration> minInterval, List<InetSocketAddress> peers,
        OptionalInt seeders, OptionalInt leechers, Optional<String> warning, Optional<String> trackerId,
        Optional<InetAddress> externalIp) {

    public AnnounceResponse {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(minInterval, "minInterval");
        peers = List.copyOf(peers);
        Objects.requireNonNull(seeders, "seeders");
        Objects.requireNonNull(leechers, "leechers");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(trackerId, "trackerId");
        Objects.requireNonNull(externalIp, "externalIp");
    }
}
