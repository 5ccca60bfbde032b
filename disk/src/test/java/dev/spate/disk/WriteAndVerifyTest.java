package dev.spate.disk;

import static dev.spate.disk.layout.StorageLayout.BLOCK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.disk.layout.StorageLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WriteAndVerifyTest {

    /** 5 pieces of 4 blocks, the last piece 2.5 blocks; three files, so pieces straddle them. */
    static final StorageLayout MULTI = StorageLayout.of(new long[] {100_000, 3, 190_000}, 4 * BLOCK_SIZE);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Fixture.Kind.class)
    void blocksInOrderVerifyEveryPieceAndTheFilesHoldTheContent(Fixture.Kind kind) throws Exception {
        try (Fixture f = Fixture.of(kind, MULTI, dir)) {
            Blocks.writeAll(f.disk, f.torrent, f.content);

            f.listener.awaitVerified(MULTI.pieceCount());
            f.torrent.flush().get();
            assertThat(f.listener.failureCount()).isZero();
            assertThat(f.listener.errors()).isEmpty();
            assertThat(f.torrent.verifiedPieces().cardinality()).isEqualTo(MULTI.pieceCount());
            for (int file = 0; file < MULTI.fileCount(); file++) {
                assertThat(contents(f, kind, file)).as("file %d", file).isEqualTo(f.content.file(file));
            }
            assertThat(f.listener.callbackThreads()).allMatch(name -> name.startsWith("spate-disk-"));
        }
    }

    @ParameterizedTest
    @EnumSource(Fixture.Kind.class)
    void blocksInAnyOrderVerify(Fixture.Kind kind) {
        try (Fixture f = Fixture.of(kind, MULTI, dir)) {
            List<int[]> blocks = allBlocks(MULTI);
            Collections.shuffle(blocks, new Random(7));
            for (int[] pb : blocks) {
                Blocks.write(f.disk, f.torrent, pb[0], pb[1], f.content.block(pb[0], pb[1]), 1);
            }
            f.listener.awaitVerified(MULTI.pieceCount());
            assertThat(f.listener.failureCount()).isZero();
        }
    }

    @Test
    void blocksInReverseOrderAreHashedWhenTheGapCloses() {
        try (Fixture f = Fixture.memory(MULTI)) {
            for (int b = MULTI.blockCount(1) - 1; b >= 1; b--) {
                Blocks.write(f.disk, f.torrent, 1, b, f.content.block(1, b), 1);
            }
            f.torrent.flush().join();
            assertThat(f.torrent.isVerified(1)).isFalse();

            Blocks.write(f.disk, f.torrent, 1, 0, f.content.block(1, 0), 1);
            f.listener.awaitVerified(1);
            assertThat(f.listener.verifiedOrder()).containsExactly(1);
        }
    }

    @Test
    void duplicateBlocksAreIgnoredBeforeAndAfterThePieceIsVerified() {
        try (Fixture f = Fixture.memory(MULTI)) {
            Blocks.write(f.disk, f.torrent, 0, 0, f.content.block(0, 0), 1);
            Blocks.write(f.disk, f.torrent, 0, 0, Blocks.corrupt(f.content.block(0, 0)), 2); // end game loser
            for (int b = 1; b < MULTI.blockCount(0); b++) {
                Blocks.write(f.disk, f.torrent, 0, b, f.content.block(0, b), 1);
            }
            f.listener.awaitVerified(1);
            Blocks.write(f.disk, f.torrent, 0, 3, Blocks.corrupt(f.content.block(0, 3)), 3);
            f.torrent.flush().join();

            assertThat(f.listener.verifiedOrder()).containsExactly(0);
            assertThat(f.listener.failureCount()).isZero();
            assertThat(f.disk.availableWriteBudget()).isEqualTo(Fixture.CONFIG.writeBudgetBytes());
        }
    }

    @Test
    void aCorruptPieceFailsNamingThePeersThatSentItAndIsDownloadedAgain() {
        try (Fixture f = Fixture.memory(MULTI)) {
            Blocks.write(f.disk, f.torrent, 2, 0, f.content.block(2, 0), 11);
            Blocks.write(f.disk, f.torrent, 2, 1, Blocks.corrupt(f.content.block(2, 1)), 22);
            Blocks.write(f.disk, f.torrent, 2, 2, f.content.block(2, 2), 11);
            Blocks.write(f.disk, f.torrent, 2, 3, f.content.block(2, 3), 33);

            f.listener.awaitFailures(1);
            assertThat(f.listener.failures(2)).singleElement().satisfies(peers ->
                    assertThat(peers).containsExactly(11, 22, 33));
            assertThat(f.torrent.isVerified(2)).isFalse();

            Blocks.writePiece(f.disk, f.torrent, f.content, 2, 44); // the piece's state was reset
            f.listener.awaitVerified(1);
            assertThat(f.listener.failureCount()).isEqualTo(1);
        }
    }

    @Test
    void clearPieceForgetsPartialProgress() {
        try (Fixture f = Fixture.memory(MULTI)) {
            Blocks.write(f.disk, f.torrent, 3, 0, Blocks.corrupt(f.content.block(3, 0)), 5);
            Blocks.write(f.disk, f.torrent, 3, 1, f.content.block(3, 1), 5);
            f.torrent.clearPiece(3);
            // Without the clear, block 0 would count as a duplicate and the piece would fail.
            Blocks.writePiece(f.disk, f.torrent, f.content, 3, 6);

            f.listener.awaitVerified(1);
            assertThat(f.listener.failureCount()).isZero();
        }
    }

    @Test
    void markedPiecesCountAsVerifiedAndIgnoreWrites() {
        try (Fixture f = Fixture.memory(MULTI)) {
            BitSet resume = new BitSet();
            resume.set(1);
            resume.set(4);
            f.torrent.markVerified(resume);
            Blocks.writePiece(f.disk, f.torrent, f.content, 1, 1);
            Blocks.writePiece(f.disk, f.torrent, f.content, 0, 1);
            f.listener.awaitVerified(1);
            f.torrent.flush().join();

            assertThat(f.listener.verifiedOrder()).containsExactly(0);
            assertThat(f.torrent.verifiedPieces()).isEqualTo(BitSet.valueOf(new long[] {0b10011}));
            assertThat(f.disk.availableWriteBudget()).isEqualTo(Fixture.CONFIG.writeBudgetBytes());
        }
    }

    @Test
    void paddingFilesAreNeverCreated() throws Exception {
        // BEP 47: each real file is padded to a piece boundary.
        int piece = 2 * BLOCK_SIZE;
        StorageLayout padded = StorageLayout.of(new long[] {40_000, piece - 40_000 % piece, 70_000, 3, 5000},
                new boolean[] {false, true, false, false, false}, piece);
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, padded, dir)) {
            Blocks.writeAll(f.disk, f.torrent, f.content);
            f.listener.awaitVerified(padded.pieceCount());
            f.torrent.flush().get();

            assertThat(dir.resolve(".pad")).doesNotExist();
            assertThat(Fixture.path(dir, 0)).hasBinaryContent(f.content.file(0));
            assertThat(Fixture.path(dir, 2)).hasBinaryContent(f.content.file(2));
            assertThat(Reads.bytes(Reads.read(f.torrent, 1, 0, BLOCK_SIZE))).isEqualTo(f.content.block(1, 0));
        }
    }

    @Test
    void nonZeroDataForAPaddingFileIsAnError() {
        StorageLayout padded = StorageLayout.of(new long[] {BLOCK_SIZE / 2, BLOCK_SIZE / 2},
                new boolean[] {false, true}, BLOCK_SIZE);
        try (Fixture f = Fixture.memory(padded)) {
            byte[] block = f.content.block(0, 0);
            block[BLOCK_SIZE - 1] = 1; // a byte of the padding file
            Blocks.write(f.disk, f.torrent, 0, 0, block, 1);
            f.listener.awaitErrors(1);
            assertThat(f.listener.errors().get(0).reason()).contains("padding file must be all zeros");
            assertThat(f.torrent.isVerified(0)).isFalse();
        }
    }

    @Test
    void emptyFilesInTheMiddleAreSkipped() throws Exception {
        StorageLayout layout = StorageLayout.of(new long[] {0, 20_000, 0, 0, 30_000, 0}, BLOCK_SIZE * 2);
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, layout, dir)) {
            Blocks.writeAll(f.disk, f.torrent, f.content);
            f.listener.awaitVerified(layout.pieceCount());
            f.torrent.flush().get();
            assertThat(Fixture.path(dir, 1)).hasBinaryContent(f.content.file(1));
            assertThat(Fixture.path(dir, 4)).hasBinaryContent(f.content.file(4));
        }
    }

    private static byte[] contents(Fixture f, Fixture.Kind kind, int file) throws Exception {
        if (kind == Fixture.Kind.MEMORY) {
            return ((dev.spate.disk.storage.MemoryStorage) f.storage).contents(file);
        }
        return Files.readAllBytes(Fixture.path(dirOf(f), file));
    }

    private static Path dirOf(Fixture f) {
        return ((dev.spate.disk.storage.FileStorage) f.storage).downloadDir();
    }

    static List<int[]> allBlocks(StorageLayout layout) {
        List<int[]> blocks = new ArrayList<>();
        for (int p = 0; p < layout.pieceCount(); p++) {
            for (int b = 0; b < layout.blockCount(p); b++) {
                blocks.add(new int[] {p, b});
            }
        }
        return blocks;
    }
}
