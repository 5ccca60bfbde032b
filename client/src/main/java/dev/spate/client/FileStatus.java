package dev.spate.client;

import java.nio.file.Path;

/**
 * One file of a torrent in a {@link TorrentStatus}.
 *
 * @param index         as in {@code Metainfo.files()}
 * @param path          where it goes under the download directory
 * @param length        its size
 * @param bytesVerified its bytes in verified pieces
 */
public record FileStatus(int index, Path path, long length, long bytesVerified, FilePriority priority,
        boolean padding) {

    public double progress() {
        return length == 0 ? 1 : (double) bytesVerified / length;
    }
}
