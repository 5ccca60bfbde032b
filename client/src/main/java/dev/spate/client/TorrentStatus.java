package dev.spate.client;

import java.util.Optional;

/**
 * An immutable snapshot of one torrent.
 *
 * @param state            where the torrent is in its life
 * @param piecesVerified   pieces verified on disk
 * @param pieceCount       pieces in the torrent
 * @param bytesVerified    bytes of verified pieces
 * @param totalBytes       bytes in the torrent
 * @param downloaded       payload bytes received this session
 * @param uploaded         payload bytes sent this session
 * @param downloadRate     bytes per second, recent
 * @param uploadRate       bytes per second, recent
 * @param peers            connected peers
 * @param seeds            connected peers that have everything
 * @param checkedFraction  while checking, how much of the data is hashed (0 to 1)
 * @param error            what went wrong, in ERROR state
 */
public record TorrentStatus(TorrentState state, int piecesVerified, int pieceCount, long bytesVerified,
        long totalBytes, long downloaded, long uploaded, long downloadRate, long uploadRate, int peers, int seeds,
        double checkedFraction, Optional<String> error) {

    /** Verified fraction of the torrent, 0 to 1. */
    public double progress() {
        return totalBytes == 0 ? 1 : (double) bytesVerified / totalBytes;
    }

    /** Seconds until done at the current rate, or -1 if unknown. */
    public long etaSeconds() {
        long left = totalBytes - bytesVerified;
        return downloadRate <= 0 ? (left == 0 ? 0 : -1) : (left + downloadRate - 1) / downloadRate;
    }
}
