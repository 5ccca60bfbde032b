package dev.spate.client;

import dev.spate.discovery.tracker.TrackerStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of one torrent.
 *
 * @param state            where the torrent is in its life
 * @param queuePosition    its place in the client's queue, from 0
 * @param piecesVerified   pieces verified on disk
 * @param pieceCount       pieces in the torrent (0 until a magnet's metadata arrives)
 * @param bytesVerified    bytes of verified pieces
 * @param totalBytes       bytes in the torrent
 * @param wantedBytes      bytes of the files not skipped
 * @param wantedVerified   bytes of the files not skipped that are verified
 * @param downloaded       payload bytes received since the client started
 * @param uploaded         payload bytes sent since the client started
 * @param totalDownloaded  payload bytes received, over every session the client's store remembers
 * @param totalUploaded    payload bytes sent, over every session
 * @param downloadRate     bytes per second, recent
 * @param uploadRate       bytes per second, recent
 * @param peers            connected peers
 * @param seeds            connected peers that have everything
 * @param checkedFraction  while checking, how much of the data to check is hashed (0 to 1)
 * @param stalled          running but moving no data for a while: it does not hold a queue slot
 * @param seedingTime      time spent seeding, over every session
 * @param files            every file, with its progress and priority (empty until a magnet's metadata arrives)
 * @param trackers         the trackers, in the order they are tried
 * @param error            what went wrong, in ERROR state
 */
public record TorrentStatus(TorrentState state, int queuePosition, int piecesVerified, int pieceCount,
        long bytesVerified, long totalBytes, long wantedBytes, long wantedVerified, long downloaded, long uploaded,
        long totalDownloaded, long totalUploaded, long downloadRate, long uploadRate, int peers, int seeds,
        double checkedFraction, boolean stalled, Duration seedingTime, List<FileStatus> files,
        List<TrackerStatus> trackers, Optional<String> error) {

    public TorrentStatus {
        files = List.copyOf(files);
        trackers = List.copyOf(trackers);
    }

    /** Verified fraction of the wanted files, 0 to 1. */
    public double progress() {
        return wantedBytes == 0 ? (pieceCount == 0 ? 0 : 1) : (double) wantedVerified / wantedBytes;
    }

    /** Seconds until the wanted files are done at the current rate; 0 when done, -1 if unknown. */
    public long etaSeconds() {
        long left = wantedBytes - wantedVerified;
        if (left <= 0 && pieceCount > 0) {
            return 0;
        }
        return downloadRate <= 0 ? -1 : (left + downloadRate - 1) / downloadRate;
    }

    /** Total uploaded over max(total downloaded, bytes wanted): what seed ratio limits compare against. */
    public double ratio() {
        long base = Math.max(totalDownloaded, wantedBytes);
        return base == 0 ? 0 : (double) totalUploaded / base;
    }
}
