package dev.spate.client.store;

import java.util.BitSet;
import java.util.List;

/**
 * Resume data: the pieces verified when it was taken, and each file's stamp.
 *
 * @param verified      the verified pieces
 * @param stamps        one per file of the torrent, then one for its part file
 * @param takenMillis   wall-clock time the bitfield was taken (before the files were stamped)
 * @param clean         taken after the torrent's storage closed: nothing was written after the stamps
 */
public record Resume(BitSet verified, List<FileStamp> stamps, long takenMillis, boolean clean) {

    public Resume {
        verified = (BitSet) verified.clone();
        stamps = List.copyOf(stamps);
    }

    @Override
    public BitSet verified() {
        return (BitSet) verified.clone();
    }
}
