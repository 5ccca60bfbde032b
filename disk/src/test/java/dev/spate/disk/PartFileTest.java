package dev.spate.disk;

import static dev.spate.disk.layout.StorageLayout.BLOCK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.PartFileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A skipped file in the middle of a torrent: its edge pieces' bytes live in the part file, never in it. */
class PartFileTest {

    /** Pieces 12 and 27 are shared between the skipped file 1 and its neighbours; 13 to 26 lie in it alone. */
    static final StorageLayout LAYOUT = CheckTest.LAYOUT;

    @TempDir
    Path dir;

    private PartFileStorage part;

    private Fixture fixture() {
        return Fixture.of(Fixture.Kind.FILES, LAYOUT, dir, Fixture.CONFIG, s -> {
            part = new PartFileStorage(s, LAYOUT, dir.resolve(".torrent.parts"));
            part.skip(1);
            return part;
        });
    }

    private static BitSet wanted() {
        BitSet wanted = new BitSet();
        wanted.set(0, 13);
        wanted.set(27, LAYOUT.pieceCount());
        return wanted;
    }

    private static void writePieces(Fixture f, BitSet pieces) {
        for (int p = pieces.nextSetBit(0); p >= 0; p = pieces.nextSetBit(p + 1)) {
            Blocks.writePiece(f.disk, f.torrent, f.content, p, 1);
        }
        f.listener.awaitVerified(pieces.cardinality());
    }

    @Test
    void theSkippedFileIsNeverCreatedAndItsEdgeBytesSurviveARestart() throws Exception {
        try (Fixture f = fixture()) {
            writePieces(f, wanted());
            f.torrent.flush().get(10, TimeUnit.SECONDS);
            assertThat(Fixture.path(dir, 1)).doesNotExist();
            assertThat(dir.resolve(".torrent.parts")).exists();
            assertThat(Files.size(dir.resolve(".torrent.parts"))).as("two edge pieces, not the file")
                    .isLessThanOrEqualTo(2L * LAYOUT.pieceLength());
            assertThat(Files.readAllBytes(Fixture.path(dir, 0))).isEqualTo(f.content.file(0));
        }
        try (Fixture again = fixture()) {
            BitSet good = again.torrent.check(wanted(), ProgressListener.NONE).get(10, TimeUnit.SECONDS);
            assertThat(good).isEqualTo(wanted());
            assertThat(again.listener.errors()).isEmpty();
            assertThat(Fixture.path(dir, 1)).doesNotExist();
        }
    }

    @Test
    void aFileWantedAgainGetsItsEdgeBytesFromThePartFileWhichThenGoes() throws Exception {
        try (Fixture f = fixture()) {
            writePieces(f, wanted());
            List<Integer> edges = part.unskip(1);
            assertThat(edges).containsExactlyInAnyOrder(12, 27);
            CompletableFuture.allOf(edges.stream().map(p -> f.torrent.onPieceThread(p, () -> part.migrate(p, 1)))
                    .toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            BitSet rest = new BitSet();
            rest.set(13, 27);
            for (int p = rest.nextSetBit(0); p >= 0; p = rest.nextSetBit(p + 1)) {
                Blocks.writePiece(f.disk, f.torrent, f.content, p, 1);
            }
            f.listener.awaitVerified(LAYOUT.pieceCount());
            BitSet all = f.torrent.check(ProgressListener.NONE).get(10, TimeUnit.SECONDS);
            assertThat(all.cardinality()).isEqualTo(LAYOUT.pieceCount());
        }
        assertThat(Files.readAllBytes(Fixture.path(dir, 1))).isEqualTo(TestTorrent.of(LAYOUT).file(1));
        assertThat(dir.resolve(".torrent.parts")).doesNotExist();
        assertThat(dir.resolve(".torrent.parts.index")).doesNotExist();
    }

    @Test
    void aCheckOfTheWholeTorrentFindsThePiecesOfTheSkippedFileAbsentWithoutAnError() throws Exception {
        try (Fixture f = fixture()) {
            writePieces(f, wanted());
            BitSet all = f.torrent.check(ProgressListener.NONE).get(10, TimeUnit.SECONDS);
            assertThat(all).isEqualTo(wanted());
            assertThat(f.listener.errors()).isEmpty();
            assertThat(Fixture.path(dir, 1)).doesNotExist();
        }
    }

    @Test
    void aSkippedFileThatExistsKeepsItsBytes() throws Exception {
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, LAYOUT, dir)) {
            Blocks.writeAll(f.disk, f.torrent, f.content);
            f.listener.awaitVerified(LAYOUT.pieceCount());
        }
        try (Fixture f = fixture()) {
            BitSet all = f.torrent.check(ProgressListener.NONE).get(10, TimeUnit.SECONDS);
            assertThat(all.cardinality()).isEqualTo(LAYOUT.pieceCount());
        }
        assertThat(dir.resolve(".torrent.parts")).doesNotExist();
    }

    @Test
    void onlyTheChosenPiecesAreChecked() throws Exception {
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, LAYOUT, dir)) {
            Blocks.writeAll(f.disk, f.torrent, f.content);
            f.listener.awaitVerified(LAYOUT.pieceCount());
        }
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, LAYOUT, dir)) {
            BitSet some = new BitSet();
            some.set(3);
            some.set(30);
            int[] last = new int[2];
            BitSet good = f.torrent.check(some, (done, total) -> {
                last[0] = done;
                last[1] = total;
            }).get(10, TimeUnit.SECONDS);
            assertThat(good).isEqualTo(some);
            assertThat(last).containsExactly(2, 2);
            assertThat(f.torrent.verifiedPieces()).isEqualTo(some);
        }
    }
}
