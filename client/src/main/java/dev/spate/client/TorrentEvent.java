package dev.spate.client;

import dev.spate.metainfo.InfoHash;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;

/**
 * What happens to torrents, as {@link TorrentClient#subscribe} delivers it: in order, numbered by
 * {@link #sequence()} (one counter per client, increasing), on the subscriber's executor. Under
 * load, progress events ({@link CheckingProgress}, {@link PieceVerified}) may be dropped, which
 * shows as a gap in the numbers; every other event, {@link Finished} and {@link Failed} above all,
 * is always delivered.
 */
public sealed interface TorrentEvent {

    /** This event's place in the client's stream of events. */
    long sequence();

    InfoHash infoHash();

    /** The torrent's name (a magnet link's display name, or its info hash, until the metadata arrives). */
    String name();

    /** True for progress events, which may be dropped under load. */
    default boolean isProgress() {
        return false;
    }

    /** @param state where it starts: {@link TorrentState#CHECKING}, or fetching metadata for a magnet link */
    record Added(long sequence, InfoHash infoHash, String name, Path downloadDir, TorrentState state)
            implements TorrentEvent {
    }

    /** A magnet link's metadata arrived and was verified against its info hash. */
    record MetadataReceived(long sequence, InfoHash infoHash, String name, int fileCount, long totalBytes)
            implements TorrentEvent {
    }

    /** @param fraction how much of what needs checking is hashed, 0 to 1 */
    record CheckingProgress(long sequence, InfoHash infoHash, String name, double fraction) implements TorrentEvent {
        @Override
        public boolean isProgress() {
            return true;
        }
    }

    record StateChanged(long sequence, InfoHash infoHash, String name, TorrentState from, TorrentState to)
            implements TorrentEvent {
    }

    /** A downloaded piece passed its hash check. */
    record PieceVerified(long sequence, InfoHash infoHash, String name, int piece) implements TorrentEvent {
        @Override
        public boolean isProgress() {
            return true;
        }
    }

    /** Every piece of a file is verified. */
    record FileCompleted(long sequence, InfoHash infoHash, String name, int file, Path path) implements TorrentEvent {
    }

    /** Every wanted piece is verified. */
    record Finished(long sequence, InfoHash infoHash, String name, long bytesVerified) implements TorrentEvent {
    }

    record TrackerError(long sequence, InfoHash infoHash, String name, URI tracker, String message)
            implements TorrentEvent {
    }

    record PeerBanned(long sequence, InfoHash infoHash, String name, InetSocketAddress peer, String reason)
            implements TorrentEvent {
    }

    /** The torrent stopped on an error the user must see; the message says what and where. */
    record Failed(long sequence, InfoHash infoHash, String name, String message) implements TorrentEvent {
    }

    record Removed(long sequence, InfoHash infoHash, String name) implements TorrentEvent {
    }
}
