package dev.spate.metainfo.fuzz;

import dev.spate.metainfo.FileEntry;
import dev.spate.metainfo.Metainfo;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What every accepted torrent must satisfy, checked without AssertJ so fuzzing stays fast. */
final class PathInvariants {
    private PathInvariants() {
    }

    static void check(Metainfo m) {
        long offset = 0;
        for (FileEntry f : m.files()) {
            confined(f.path());
            f.symlinkTarget().ifPresent(PathInvariants::confined);
            if (f.offset() != offset || f.length() < 0) {
                throw new AssertionError("file offsets do not follow each other: " + f);
            }
            offset += f.length();
        }
        if (offset != m.totalLength()) {
            throw new AssertionError("files add up to " + offset + ", not " + m.totalLength());
        }
        long pieces = (m.totalLength() + m.pieceLength() - 1) / m.pieceLength();
        if (pieces != m.pieceCount() || m.pieceCount() > Metainfo.MAX_PIECES) {
            throw new AssertionError(m.pieceCount() + " pieces for " + m.totalLength() + " bytes");
        }
    }

    private static void confined(List<String> path) {
        if (path.isEmpty()) {
            throw new AssertionError("empty path");
        }
        for (String c : path) {
            if (c.isEmpty() || c.equals(".") || c.equals("..") || c.indexOf('/') >= 0 || c.indexOf('\\') >= 0
                    || c.indexOf('\0') >= 0 || c.getBytes(StandardCharsets.UTF_8).length > 255
                    || (c.length() >= 2 && c.charAt(1) == ':' && Character.isLetter(c.charAt(0)))) {
                throw new AssertionError("unsafe path component " + c + " in " + path);
            }
        }
    }
}
