package dev.spate.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A BitTorrent program spate can run on 127.0.0.1 as a seeder or a leecher, with DHT, local
 * discovery, UPnP/NAT-PMP and PEX off so nothing leaves the machine. Peers come from the
 * torrent's trackers and from {@link PeerOptions#peers()}.
 *
 * <p>Where a torrent's files go: a single-file torrent is the file {@code dataDir/name}, a
 * multi-file torrent the folder {@code dataDir/name}, as with spate's {@code add(metainfo, dir)}.
 */
public interface RealClient {

    /** The client's name as people know it: "libtorrent", "qBittorrent", ... */
    String name();

    /** The version the program reports, if it is installed. */
    Optional<String> version();

    /** The program is installed and runs here. */
    boolean installed();

    /** What to install for this client, for the message of a test that skips without it. */
    String requirement();

    /**
     * The client dials every peer a tracker lists on 127.0.0.1. When false, a swarm on this one
     * address must dial the client: Transmission never dials 127.0.0.0/8 (it takes it for
     * martian); rtorrent keeps one of the peers listed on an address, so when a tracker lists
     * the announcer itself (opentracker does) it may dial only itself.
     */
    default boolean dialsLoopback() {
        return true;
    }

    /** The client announces to {@code udp://} trackers (BEP 15); one that does not needs an HTTP one. */
    default boolean announcesOverUdp() {
        return true;
    }

    /** The client can connect to {@link PeerOptions#peers()} itself. */
    boolean dialsGivenPeers();

    /** The client speaks {@code transport}. */
    boolean supports(PeerTransport transport);

    /**
     * Starts the client on {@code torrent} and returns once it listens (a seeder: once it has also
     * checked its data and seeds).
     *
     * @throws UnsupportedOperationException if the client cannot honour an option
     * @throws IOException if it does not start, or not in time; the message holds its last words
     */
    RunningPeer start(Role role, Path torrent, Path dataDir, PeerOptions options)
            throws IOException, InterruptedException;

    default RunningPeer seed(Path torrent, Path dataDir, PeerOptions options) throws IOException, InterruptedException {
        return start(Role.SEEDER, torrent, dataDir, options);
    }

    default RunningPeer leech(Path torrent, Path dataDir, PeerOptions options)
            throws IOException, InterruptedException {
        return start(Role.LEECHER, torrent, dataDir, options);
    }
}
