package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.client.store.FileStamp;
import dev.spate.client.store.Resume;
import dev.spate.disk.layout.StorageLayout;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pieces resume data vouches for: three files of 10, 10 and 10 bytes in pieces of 4 (pieces 2 and 4 straddle). */
class ResumePlanTest {
    private static final StorageLayout LAYOUT = StorageLayout.of(new long[] {10, 10, 10}, 4);
    private static final long TAKEN = 1_000_000;
    private static final FileStamp OLD = new FileStamp(10, TAKEN - 10_000);
    private static final FileStamp PART = FileStamp.ABSENT;

    private static BitSet bits(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to);
        return b;
    }

    private static ResumePlan plan(Resume stored, List<FileStamp> now, boolean[] skipped) {
        return ResumePlan.of(stored, now, LAYOUT, skipped, bits(0, LAYOUT.pieceCount()));
    }

    @Test
    void unchangedFilesAreTrustedAndNothingIsChecked() {
        Resume stored = new Resume(bits(0, 8), List.of(OLD, OLD, OLD, PART), TAKEN, false);
        ResumePlan p = plan(stored, List.of(OLD, OLD, OLD, PART), new boolean[3]);
        assertThat(p.trusted()).isEqualTo(bits(0, 8));
        assertThat(p.toCheck()).isEqualTo(new BitSet());
    }

    @Test
    void aFileWithAnotherTimeHasItsPiecesCheckedAndNotTrusted() {
        Resume stored = new Resume(bits(0, 8), List.of(OLD, OLD, OLD, PART), TAKEN, false);
        ResumePlan p = plan(stored, List.of(OLD, new FileStamp(10, TAKEN + 5), OLD, PART), new boolean[3]);
        assertThat(p.toCheck()).isEqualTo(bits(2, 5)); // bytes 10..19: pieces 2, 3, 4
        BitSet trusted = bits(0, 8);
        trusted.andNot(bits(2, 5));
        assertThat(p.trusted()).isEqualTo(trusted);
    }

    @Test
    void aFileWrittenJustBeforeTheBitfieldWasTakenIsCheckedEvenIfUnchanged() {
        FileStamp racy = new FileStamp(10, TAKEN - 500);
        Resume stored = new Resume(bits(0, 3), List.of(OLD, OLD, racy, PART), TAKEN, false);
        ResumePlan p = plan(stored, List.of(OLD, OLD, racy, PART), new boolean[3]);
        assertThat(p.toCheck()).isEqualTo(bits(5, 8));
        assertThat(p.trusted()).isEqualTo(bits(0, 3));
    }

    @Test
    void cleanResumeDataTrustsEvenARecentlyWrittenFile() {
        FileStamp recent = new FileStamp(10, TAKEN - 1);
        Resume stored = new Resume(bits(0, 8), List.of(OLD, OLD, recent, PART), TAKEN, true);
        assertThat(plan(stored, List.of(OLD, OLD, recent, PART), new boolean[3]).toCheck()).isEqualTo(new BitSet());
    }

    @Test
    void aSkippedFileDependsOnThePartFile() {
        FileStamp partThen = new FileStamp(8, TAKEN - 10_000);
        Resume stored = new Resume(bits(0, 8), List.of(OLD, FileStamp.ABSENT, OLD, partThen), TAKEN, false);
        boolean[] skipped = {false, true, false};
        assertThat(plan(stored, List.of(OLD, FileStamp.ABSENT, OLD, partThen), skipped).toCheck()).isEqualTo(new BitSet());
        ResumePlan changed = plan(stored, List.of(OLD, FileStamp.ABSENT, OLD, new FileStamp(8, TAKEN + 1)), skipped);
        assertThat(changed.toCheck()).isEqualTo(bits(2, 5));
    }

    @Test
    void withoutResumeDataEveryWantedPieceIsChecked() {
        BitSet wanted = bits(0, 3);
        ResumePlan p = ResumePlan.fresh(wanted);
        assertThat(p.trusted()).isEqualTo(new BitSet());
        assertThat(p.toCheck()).isEqualTo(wanted);
    }

    @Test
    void resumeDataForAnotherNumberOfFilesIsIgnored() {
        Resume stored = new Resume(bits(0, 8), List.of(OLD, PART), TAKEN, true);
        assertThat(plan(stored, List.of(OLD, OLD, OLD, PART), new boolean[3]).toCheck()).isEqualTo(bits(0, 8));
    }
}
