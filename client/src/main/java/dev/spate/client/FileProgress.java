package dev.spate.client;

import dev.spate.disk.layout.StorageLayout;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Bytes of each file in verified pieces. Updated on the selection thread as pieces are verified;
 * read by any thread for status snapshots.
 */
final class FileProgress {
    private final StorageLayout layout;
    private final AtomicLongArray verified;

    FileProgress(StorageLayout layout) {
        this.layout = layout;
        this.verified = new AtomicLongArray(layout.fileCount());
    }

    /** Starts again from a set of verified pieces. */
    void reset(BitSet pieces) {
        for (int f = 0; f < layout.fileCount(); f++) {
            verified.set(f, 0);
        }
        for (int p = pieces.nextSetBit(0); p >= 0; p = pieces.nextSetBit(p + 1)) {
            add(p, null);
        }
    }

    /** Counts a newly verified piece; returns the files it completed. */
    List<Integer> pieceVerified(int piece) {
        List<Integer> completed = new ArrayList<>(1);
        add(piece, completed);
        return completed;
    }

    long verified(int file) {
        return verified.get(file);
    }

    private void add(int piece, List<Integer> completed) {
        long start = layout.pieceStart(piece);
        long end = start + layout.pieceSize(piece);
        int f = firstFileAt(start);
        for (; f < layout.fileCount() && layout.fileStart(f) < end; f++) {
            long from = Math.max(start, layout.fileStart(f));
            long to = Math.min(end, layout.fileStart(f) + layout.fileLength(f));
            if (to > from) {
                long now = verified.addAndGet(f, to - from);
                if (completed != null && now == layout.fileLength(f) && !layout.isPadding(f)) {
                    completed.add(f);
                }
            }
        }
    }

    private int firstFileAt(long position) {
        int lo = 0;
        int hi = layout.fileCount() - 1;
        while (lo < hi) { // the last file starting at or before the position
            int mid = (lo + hi + 1) >>> 1;
            if (layout.fileStart(mid) <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        while (lo > 0 && layout.fileStart(lo - 1) == layout.fileStart(lo)) {
            lo--; // zero-length files share a start with the next; they hold no bytes anyway
        }
        return lo;
    }
}
