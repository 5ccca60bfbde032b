package dev.spate.client;

import dev.spate.discovery.tracker.AnnounceSchedulerConfig;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.disk.DiskConfig;
import dev.spate.handshake.SocketSettings;
import dev.spate.selection.SelectionConfig;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Everything a {@link TorrentClient} is set up with. Start from {@link #defaults()} and change
 * what you need with the {@code with} methods.
 *
 * @param listenAddress      where peers connect to us (port 0: any free port)
 * @param networkThreads     Netty event loops for peers and trackers (0: one per core)
 * @param disk               the disk manager's budget, threads and cache
 * @param selection          choking, request pipelining and connection limits
 * @param linkSlots          batches in flight each way between a peer and selection
 * @param maxHalfOpen        connections being opened at once, client-wide
 * @param handshakeTimeout   how long a peer has to complete the handshake
 * @param sockets            socket buffer sizes, water marks and the connect timeout
 * @param keepAliveInterval  send a keep-alive after this long without writing to a peer
 * @param idleTimeout        drop a peer after this long without hearing from it
 * @param trackers           tracker client timeouts and retries
 * @param announce           announce scheduling (numwant, back-off)
 * @param announceEnabled    announce to the torrents' trackers (tests that add peers by hand turn it off)
 */
public record ClientConfig(InetSocketAddress listenAddress, int networkThreads, DiskConfig disk,
        SelectionConfig selection, int linkSlots, int maxHalfOpen, Duration handshakeTimeout, SocketSettings sockets,
        Duration keepAliveInterval, Duration idleTimeout, TrackerClientConfig trackers,
        AnnounceSchedulerConfig announce, boolean announceEnabled) {

    public static final int DEFAULT_PORT = 6881;

    public static ClientConfig defaults() {
        return new ClientConfig(new InetSocketAddress(DEFAULT_PORT), 0, DiskConfig.defaults(),
                SelectionConfig.defaults(), 4, 64, Duration.ofSeconds(10), SocketSettings.defaults(),
                Duration.ofSeconds(90), Duration.ofSeconds(180), TrackerClientConfig.defaults(),
                AnnounceSchedulerConfig.defaults(), true);
    }

    public ClientConfig withListenAddress(InetSocketAddress address) {
        return new ClientConfig(address, networkThreads, disk, selection, linkSlots, maxHalfOpen, handshakeTimeout,
                sockets, keepAliveInterval, idleTimeout, trackers, announce, announceEnabled);
    }

    public ClientConfig withNetworkThreads(int threads) {
        return new ClientConfig(listenAddress, threads, disk, selection, linkSlots, maxHalfOpen, handshakeTimeout,
                sockets, keepAliveInterval, idleTimeout, trackers, announce, announceEnabled);
    }

    public ClientConfig withDisk(DiskConfig config) {
        return new ClientConfig(listenAddress, networkThreads, config, selection, linkSlots, maxHalfOpen,
                handshakeTimeout, sockets, keepAliveInterval, idleTimeout, trackers, announce, announceEnabled);
    }

    public ClientConfig withSelection(SelectionConfig config) {
        return new ClientConfig(listenAddress, networkThreads, disk, config, linkSlots, maxHalfOpen,
                handshakeTimeout, sockets, keepAliveInterval, idleTimeout, trackers, announce, announceEnabled);
    }

    public ClientConfig withLinkSlots(int slots) {
        return new ClientConfig(listenAddress, networkThreads, disk, selection, slots, maxHalfOpen, handshakeTimeout,
                sockets, keepAliveInterval, idleTimeout, trackers, announce, announceEnabled);
    }

    public ClientConfig withAnnounce(AnnounceSchedulerConfig config) {
        return new ClientConfig(listenAddress, networkThreads, disk, selection, linkSlots, maxHalfOpen,
                handshakeTimeout, sockets, keepAliveInterval, idleTimeout, trackers, config, announceEnabled);
    }

    public ClientConfig withTrackers(TrackerClientConfig config) {
        return new ClientConfig(listenAddress, networkThreads, disk, selection, linkSlots, maxHalfOpen,
                handshakeTimeout, sockets, keepAliveInterval, idleTimeout, config, announce, announceEnabled);
    }

    public ClientConfig withAnnounceEnabled(boolean enabled) {
        return new ClientConfig(listenAddress, networkThreads, disk, selection, linkSlots, maxHalfOpen,
                handshakeTimeout, sockets, keepAliveInterval, idleTimeout, trackers, announce, enabled);
    }

    /** A client for tests and swarms on this machine: 127.0.0.1, any free port. */
    public static ClientConfig loopback() {
        return defaults().withListenAddress(new InetSocketAddress("127.0.0.1", 0));
    }
}
