package dev.spate.metainfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the v1 and v2 file lists of a torrent together. For a hybrid torrent they must describe
 * the same files in the same order, with every non-empty file starting on a piece boundary (BEP
 * 52, "upgrade path"); a v2-only torrent gets the padding files that make that true.
 */
final class Hybrid {
    private Hybrid() {
    }

    /** The v1 list, with each file given the pieces root of its twin in the file tree. */
    static List<RawFile> merge(List<RawFile> v1, List<RawFile> v2, int pieceLength) {
        List<RawFile> out = new ArrayList<>(v1.size());
        int next = 0;
        long offset = 0;
        for (RawFile f : v1) {
            if (f.padding()) {
                out.add(f);
                offset += f.length();
                continue;
            }
            if (next == v2.size()) {
                throw mismatch(f.field() + " has no twin in the file tree");
            }
            RawFile g = v2.get(next++);
            if (!f.path().equals(g.path())) {
                throw mismatch(f.field() + " is " + quote(f.path()) + " but the file tree has " + quote(g.path()));
            }
            if (f.length() != g.length() || (f.symlink() == null) != (g.symlink() == null)) {
                throw mismatch(f.field() + " has " + f.length() + " bytes but " + g.field() + " has " + g.length());
            }
            if (f.length() > 0 && offset % pieceLength != 0) {
                throw mismatch(f.field() + " starts at byte " + offset + ", not on a piece boundary");
            }
            out.add(f.withPiecesRoot(g.piecesRoot()));
            offset += f.length();
        }
        if (next < v2.size()) {
            throw mismatch(v2.get(next).field() + " has no twin in info.files");
        }
        return out;
    }

    /** v2 only: a padding file after each file that does not end on a piece boundary. */
    static List<RawFile> padded(List<RawFile> v2, int pieceLength) {
        List<RawFile> out = new ArrayList<>(v2.size() * 2);
        for (RawFile f : v2) {
            out.add(f);
            long tail = f.length() % pieceLength;
            if (tail != 0) {
                out.add(RawFile.pad(pieceLength - tail));
            }
        }
        return out;
    }

    /** The number of pieces the v2 file tree needs (each file starts a new piece); saturates. */
    static long v2PieceCount(List<RawFile> v2, int pieceLength) {
        long count = 0;
        for (RawFile f : v2) {
            long n = f.length() / pieceLength + (f.length() % pieceLength != 0 ? 1 : 0);
            count = count > Long.MAX_VALUE - n ? Long.MAX_VALUE : count + n;
        }
        return count;
    }

    private static MetainfoException mismatch(String what) {
        return Fields.error("info", "the v1 and v2 file lists disagree: " + what);
    }

    private static String quote(List<String> path) {
        return Fields.quote(String.join("/", path));
    }
}
