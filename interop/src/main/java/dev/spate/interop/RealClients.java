package dev.spate.interop;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The real clients spate is tested against, by name. */
public final class RealClients {
    public static final RealClient LIBTORRENT = new LibtorrentPeer();
    public static final RealClient QBITTORRENT = new QbittorrentPeer();
    public static final RealClient TRANSMISSION = new TransmissionPeer();
    public static final RealClient ARIA2 = new Aria2Peer();
    public static final RealClient RTORRENT = new RtorrentPeer();

    private RealClients() {
    }

    public static List<RealClient> all() {
        return List.of(LIBTORRENT, QBITTORRENT, TRANSMISSION, ARIA2, RTORRENT);
    }

    /** A client by its name, ignoring case ("libtorrent", "qbittorrent", "aria2", ...). */
    public static Optional<RealClient> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return all().stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
