package dev.spate.client.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Resume data about to be written: the verified pieces and the files to stamp. The store stamps
 * the files when it writes, after {@code takenMillis}, so a file written after the bitfield was
 * taken shows a newer time than the bitfield and is checked on resume.
 *
 * @param files each file of the torrent (null for padding files), then its part file
 */
public record ResumeSnapshot(BitSet verified, List<Path> files, long takenMillis, boolean clean) {

    public ResumeSnapshot {
        verified = (BitSet) verified.clone();
        files = Collections.unmodifiableList(new ArrayList<>(files));
    }

    /** Stamps the files now. Blocking I/O. */
    Resume stamp() {
        List<FileStamp> stamps = new ArrayList<>(files.size());
        for (Path f : files) {
            stamps.add(f == null ? FileStamp.ABSENT : FileStamp.of(f));
        }
        return new Resume(verified, stamps, takenMillis, clean);
    }
}
