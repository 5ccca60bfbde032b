package dev.spate.client;

import dev.spate.disk.layout.PieceRange;
import dev.spate.disk.layout.StorageLayout;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

/**
 * File priorities turned into piece priorities: a piece takes the highest priority of the files it
 * holds bytes of (padding files do not count), so a piece shared by a skipped file and a wanted one
 * is wanted. Pure functions.
 */
final class FilePriorities {
    private FilePriorities() {
    }

    /** Every file normal, then the given ones. */
    static FilePriority[] of(int fileCount, Map<Integer, FilePriority> given) {
        FilePriority[] out = new FilePriority[fileCount];
        Arrays.fill(out, FilePriority.NORMAL);
        given.forEach((file, priority) -> {
            if (file < 0 || file >= fileCount) {
                throw new IllegalArgumentException("file " + file + " is out of range [0, " + fileCount + ")");
            }
            out[file] = priority;
        });
        return out;
    }

    /** The picker's priority of each piece (0 skip .. 7 high). */
    static int[] pieces(StorageLayout layout, FilePriority[] files) {
        int[] out = new int[layout.pieceCount()];
        for (int f = 0; f < files.length; f++) {
            if (layout.isPadding(f)) {
                continue;
            }
            PieceRange range = layout.filePieces(f);
            int priority = files[f].piecePriority();
            for (int p = range.first(); p < range.end(); p++) {
                out[p] = Math.max(out[p], priority);
            }
        }
        return out;
    }

    /** The pieces with a priority above skip. */
    static BitSet wanted(int[] piecePriorities) {
        BitSet wanted = new BitSet(piecePriorities.length);
        for (int p = 0; p < piecePriorities.length; p++) {
            if (piecePriorities[p] > 0) {
                wanted.set(p);
            }
        }
        return wanted;
    }

    /** The priorities as stored: one byte per file. */
    static byte[] encode(FilePriority[] files) {
        byte[] out = new byte[files.length];
        for (int i = 0; i < files.length; i++) {
            out[i] = (byte) files[i].piecePriority();
        }
        return out;
    }
}
