package dev.spate.client;

import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.Metainfo;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A torrent added to a {@link TorrentClient}. Every method may be called from any thread and
 * returns at once; changes take effect on the client's threads a moment later.
 */
public interface TorrentHandle {

    InfoHash infoHash();

    /** The torrent's name; a magnet link's display name (or its info hash) until the metadata arrives. */
    String name();

    /** The metainfo; empty while a magnet link waits for it. */
    Optional<Metainfo> metainfo();

    TorrentStatus status();

    /**
     * Completes when every wanted piece is verified on disk (at once for a torrent that is already
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

    /** Starts a paused, failed or finished torrent again (it waits in the queue for a slot). */
    void resume();

    /** Stops the torrent and forgets it, in the session too; the data on disk stays. */
    CompletableFuture<Void> remove();

    /** Connects to a peer we know of by other means (the user, a test). */
    void addPeer(InetSocketAddress address);

    /** Changes one file's priority; skipping a file that does not exist yet keeps it from being created. */
    void setFilePriority(int file, FilePriority priority);

    /** Changes several files' priorities at once (by file index); the others stay as they are. */
    void setFilePriorities(Map<Integer, FilePriority> priorities);

    /** Pieces in order (for streaming) rather than rarest first. */
    void setSequential(boolean sequential);

    void setLimits(TorrentLimits limits);

    TorrentLimits limits();

    /** Moves the torrent in the client's queue. */
    void moveInQueue(QueueMove move);
}
