package dev.spate.metainfo;

import java.util.List;

/**
 * A file as the torrent describes it, before its path is sanitised and its offset assigned.
 *
 * @param field      where it came from, for messages ({@code info.files[3]})
 * @param path       the path components as written (UTF-8 decoded, malformed bytes as U+FFFD),
 *                   relative to the torrent's root directory; for a single-file torrent, the name
 * @param symlink    the raw symlink target relative to the root, or null
 * @param piecesRoot the v2 merkle root, or null
 */
record RawFile(String field, List<String> path, long length, boolean padding, boolean executable,
        boolean hidden, List<String> symlink, byte[] piecesRoot) {

    static RawFile pad(long length) {
        return new RawFile("padding", List.of(".pad", Long.toString(length)), length, true, false, false, null, null);
    }

    RawFile withPiecesRoot(byte[] root) {
        return new RawFile(field, path, length, padding, executable, hidden, symlink, root);
    }
}
