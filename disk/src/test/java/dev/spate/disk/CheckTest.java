package dev.spate.disk;

import static dev.spate.disk.layout.StorageLayout.BLOCK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.disk.layout.PieceRange;
import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.FaultyStorage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckTest {

    /** 40 pieces of 2 blocks over three files; pieces 12 and 27 straddle files. */
    static final StorageLayout LAYOUT = StorageLayout.of(new long[] {25 * BLOCK_SIZE - 7, 30 * BLOCK_SIZE,
            25 * BLOCK_SIZE + 7}, 2 * BLOCK_SIZE);

    @TempDir
    Path dir;

    private final List<int[]> progress = new ArrayList<>();
    private final Set<String> progressThreads = new TreeSet<>();

    @Test
    void existingCorrectFilesAreAllVerifiedOnEveryDiskThreadWithProgress() throws Exception {
        TestTorrent content = TestTorrent.of(LAYOUT);
        writeFiles(content);
        try (Fixture f = fixture(s -> s)) {
            BitSet good = check(f);

            assertThat(good.cardinality()).isEqualTo(LAYOUT.pieceCount());
            assertThat(f.torrent.verifiedPieces()).isEqualTo(good);
            assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(40, 40));
            assertThat(progress).isSortedAccordingTo((a, b) -> Integer.compare(a[0], b[0]));
            assertThat(progressThreads).hasSize(Fixture.CONFIG.threads());
            assertThat(f.listener.verifiedOrder()).as("check does not announce pieces").isEmpty();
        }
    }

    @Test
    void aCorruptPieceIsNotVerifiedAndAMarkedOneLosesItsMark() throws Exception {
        TestTorrent content = TestTorrent.of(LAYOUT);
        writeFiles(content);
        try (RandomAccessFile file = new RandomAccessFile(Fixture.path(dir, 1).toFile(), "rw")) {
            file.seek(LAYOUT.pieceStart(20) - LAYOUT.fileStart(1) + 5);
            file.write(0xff ^ content.range(20, 5, 1)[0]);
        }
        try (Fixture f = fixture(s -> s)) {
            BitSet marked = new BitSet();
            marked.set(20);
            f.torrent.markVerified(marked);
            BitSet good = check(f);

            assertThat(good.cardinality()).isEqualTo(LAYOUT.pieceCount() - 1);
            assertThat(good.get(20)).isFalse();
            assertThat(f.torrent.isVerified(20)).isFalse();
        }
    }

    @Test
    void piecesOfMissingOrShortFilesAreSkippedWithoutReading() throws Exception {
        TestTorrent content = TestTorrent.of(LAYOUT);
        writeFiles(content);
        Files.delete(Fixture.path(dir, 1));
        try (RandomAccessFile file = new RandomAccessFile(Fixture.path(dir, 2).toFile(), "rw")) {
            file.setLength(LAYOUT.fileLength(2) - 1);
        }
        try (Fixture f = fixture(s -> FaultyStorage.failingRead(s, 0))) {
            BitSet good = check(f);

            PieceRange first = LAYOUT.filePieces(0);
            PieceRange missing = LAYOUT.filePieces(1);
            BitSet expected = new BitSet();
            expected.set(first.first(), missing.first()); // piece 12 needs file 1
            expected.set(missing.end(), LAYOUT.pieceCount() - 1); // the last piece needs file 2's last byte
            assertThat(good).isEqualTo(expected);
            int spans = 0; // a piece fits the scratch buffer: one read per span
            dev.spate.disk.layout.SpanCursor cursor = LAYOUT.cursor();
            for (int p = expected.nextSetBit(0); p >= 0; p = expected.nextSetBit(p + 1)) {
                cursor.reset(p, 0, LAYOUT.pieceSize(p));
                while (cursor.next()) {
                    spans++;
                }
            }
            assertThat(((FaultyStorage) f.storage).reads()).as("only pieces whose files are all there are read")
                    .isEqualTo(spans);
            assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(40, 40));

            // What was not found is downloaded afterwards.
            for (int p = expected.nextClearBit(0); p < LAYOUT.pieceCount(); p = expected.nextClearBit(p + 1)) {
                Blocks.writePiece(f.disk, f.torrent, content, p, 1);
            }
            f.listener.awaitVerified(LAYOUT.pieceCount() - expected.cardinality());
            assertThat(f.torrent.verifiedPieces().cardinality()).isEqualTo(LAYOUT.pieceCount());
        }
    }

    @Test
    void nothingOnDiskMeansNothingVerified() throws Exception {
        try (Fixture f = fixture(s -> FaultyStorage.failingRead(s, 0))) {
            assertThat(check(f).cardinality()).isZero();
            assertThat(((FaultyStorage) f.storage).reads()).isZero();
        }
    }

    @Test
    void aCheckOfAClosedTorrentFails() throws Exception {
        try (Fixture f = fixture(s -> s)) {
            f.torrent.close().get();
            CompletableFuture<BitSet> check = f.torrent.check(ProgressListener.NONE);
            assertThatThrownBy(() -> check.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("closed");
        }
    }

    private Fixture fixture(java.util.function.UnaryOperator<dev.spate.disk.storage.Storage> decorate) {
        return Fixture.of(Fixture.Kind.FILES, LAYOUT, dir, Fixture.CONFIG, decorate);
    }

    private BitSet check(Fixture f) throws Exception {
        return f.torrent.check((checked, total) -> {
            synchronized (progress) {
                progress.add(new int[] {checked, total});
                progressThreads.add(Thread.currentThread().getName());
            }
        }).get(RecordingListener.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private void writeFiles(TestTorrent content) throws IOException {
        for (int i = 0; i < LAYOUT.fileCount(); i++) {
            Path p = Fixture.path(dir, i);
            Files.createDirectories(p.getParent());
            Files.write(p, content.file(i));
        }
    }
}
