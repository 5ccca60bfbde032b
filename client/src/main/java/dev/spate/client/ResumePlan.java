package dev.spate.client;

import dev.spate.client.store.FileStamp;
import dev.spate.client.store.Resume;
import dev.spate.disk.layout.PieceRange;
import dev.spate.disk.layout.StorageLayout;
import java.util.BitSet;
import java.util.List;

/**
 * What a torrent trusts from its resume data and what it must hash again. A file is trusted when
 * its size and modification time are what they were when the resume data was taken, and it was
 * not written in the moment before (a write within {@link #RACY_MILLIS} of the bitfield might not
 * show in the time, as git's "racily clean" files); resume data taken after the storage closed
 * ({@code clean}) has no such moment. A skipped file's edge bytes live in the part file, so it is
 * trusted only if the part file is too. Then:
 * <ul>
 *   <li>trusted: pieces in the stored bitfield all of whose files are trusted, taken as verified;
 *   <li>to check: pieces that touch an untrusted file (pieces only skipped files hold are left out:
 *       nobody wants them).
 * </ul>
 * Without resume data, every wanted piece is checked (a missing file costs nothing to check).
 */
record ResumePlan(BitSet trusted, BitSet toCheck) {
    static final long RACY_MILLIS = 2_000;

    /** No resume data: check every wanted piece. */
    static ResumePlan fresh(BitSet wanted) {
        return new ResumePlan(new BitSet(), (BitSet) wanted.clone());
    }

    /**
     * @param stored  the resume data, stamps of each file then of the part file
     * @param now     the same files' stamps now
     * @param skipped which files are skipped
     * @param wanted  the pieces not skipped
     */
    static ResumePlan of(Resume stored, List<FileStamp> now, StorageLayout layout, boolean[] skipped, BitSet wanted) {
        int files = layout.fileCount();
        if (stored.stamps().size() != files + 1 || now.size() != files + 1) {
            return fresh(wanted); // resume data of another shape: trust nothing
        }
        boolean partTrusted = trusted(stored, now, files);
        BitSet trusted = (BitSet) stored.verified();
        trusted.clear(layout.pieceCount(), Math.max(trusted.length(), layout.pieceCount()));
        BitSet toCheck = new BitSet();
        for (int f = 0; f < files; f++) {
            boolean ok = layout.isPadding(f) || trusted(stored, now, f) && (!skipped[f] || partTrusted);
            if (!ok) {
                PieceRange range = layout.filePieces(f);
                trusted.clear(range.first(), range.end());
                toCheck.set(range.first(), range.end());
            }
        }
        toCheck.and(wanted);
        return new ResumePlan(trusted, toCheck);
    }

    private static boolean trusted(Resume stored, List<FileStamp> now, int index) {
        FileStamp then = stored.stamps().get(index);
        if (!then.equals(now.get(index)) || then.size() < -1) {
            return false;
        }
        return then.size() == -1 || stored.clean() || then.modifiedMillis() < stored.takenMillis() - RACY_MILLIS;
    }
}
