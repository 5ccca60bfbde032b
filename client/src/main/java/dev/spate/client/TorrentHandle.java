package dev.spate.client;

import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.Metainfo;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A torrent added to a {@link TorrentClient}. Every method may be called from any thread and
 * returns at once.
 */
public interface TorrentHandle {

    InfoHash infoHash();

    String name();

    Metainfo metainfo();

    TorrentStatus status();

    /**
     * Completes when every piece is verified on disk (at once for a torrent that is already
     * complete); completes exceptionally if the torrent fails or is removed first. Dependent
     * actions run on the client's event thread, never on an engine thread.
     */
    CompletableFuture<Void> completion();

    /**
     * The peers connected now, then the last 32 that left (newest
     * first, with the reason): what each advertised in its handshake and extension handshake, and
     * whether it used the fast extension. A snapshot, for display and diagnostics.
     */
    List<PeerInfo> peers();

    /** Disconnects every peer and stops announcing; {@link #resume()} carries on. */
    void pause();

    void resume();

    /** Stops the torrent and forgets it; the data on disk stays. */
    CompletableFuture<Void> remove();

    /** Connects to a peer we know of by other means (the user, a test). */
    void addPeer(InetSocketAddress address);
}
