package dev.spate.disk;

import static dev.spate.disk.layout.StorageLayout.BLOCK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.FaultyStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadTest {

    /** Piece 1 straddles the two files. */
    static final StorageLayout LAYOUT = StorageLayout.of(new long[] {5 * BLOCK_SIZE + 300, 9 * BLOCK_SIZE},
            4 * BLOCK_SIZE);

    @TempDir
    Path dir;

    @Test
    void aWholeBlockOfAVerifiedPieceIsCachedAndServedAgainWithoutReading() throws Exception {
        try (Fixture f = Fixture.of(Fixture.Kind.MEMORY, LAYOUT, null, Fixture.CONFIG,
                s -> FaultyStorage.failingRead(s, 0))) {
            FaultyStorage counting = (FaultyStorage) f.storage;
            Blocks.writePiece(f.disk, f.torrent, f.content, 0, 1);
            f.listener.awaitVerified(1);
            int before = counting.reads();

            assertThat(Reads.bytes(Reads.read(f.torrent, 0, BLOCK_SIZE, BLOCK_SIZE))).isEqualTo(f.content.block(0, 1));
            assertThat(Reads.bytes(Reads.read(f.torrent, 0, BLOCK_SIZE, BLOCK_SIZE))).isEqualTo(f.content.block(0, 1));
            assertThat(counting.reads() - before).isEqualTo(1);

            assertThat(Reads.bytes(Reads.read(f.torrent, 0, 100, 5000))).isEqualTo(f.content.range(0, 100, 5000));
            assertThat(Reads.bytes(Reads.read(f.torrent, 0, 100, 5000))).isEqualTo(f.content.range(0, 100, 5000));
            assertThat(counting.reads() - before).as("partial blocks are not cached").isEqualTo(3);
        }
    }

    @Test
    void aSmallCacheEvictsAndReleasesBlocks() throws Exception {
        DiskConfig tiny = Fixture.CONFIG.withThreads(1).withReadCacheBytes(2 * BLOCK_SIZE);
        try (Fixture f = Fixture.of(Fixture.Kind.MEMORY, LAYOUT, null, tiny, s -> s)) {
            Blocks.writeAll(f.disk, f.torrent, f.content);
            f.listener.awaitVerified(LAYOUT.pieceCount());
            for (int round = 0; round < 3; round++) {
                for (int p = 0; p < LAYOUT.pieceCount(); p++) {
                    for (int b = 0; b < LAYOUT.blockCount(p); b++) {
                        int length = LAYOUT.blockLength(p, b);
                        assertThat(Reads.bytes(Reads.read(f.torrent, p, b * BLOCK_SIZE, length)))
                                .isEqualTo(f.content.block(p, b));
                    }
                }
            }
        }
    }

    @Test
    void zeroCopyGivesAFileRegionThatKeepsItsFileOpenUntilReleased() throws Exception {
        DiskConfig oneFile = Fixture.CONFIG.withOpenFileLimit(1);
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, LAYOUT, dir, oneFile, s -> s)) {
            Blocks.writeAll(f.disk, f.torrent, f.content);
            f.listener.awaitVerified(LAYOUT.pieceCount());
            f.torrent.flush().get();

            ReadResult region = Reads.read(f.torrent, 0, BLOCK_SIZE, BLOCK_SIZE);
            assertThat(region).isInstanceOf(ReadResult.Region.class);
            // Reading file 1 evicts file 0 from the pool of open files; the region still holds it.
            assertThat(Reads.bytes(Reads.read(f.torrent, 3, 0, BLOCK_SIZE))).isEqualTo(f.content.block(3, 0));
            assertThat(f.disk.fileHandles().openChannels()).isEqualTo(2);
            assertThat(Reads.bytes(region)).isEqualTo(f.content.block(0, 1));
            assertThat(f.disk.fileHandles().openChannels()).isEqualTo(1);
        }
    }

    @Test
    void readIntoMemoryNeverGivesAFileRegion() throws Exception {
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, LAYOUT, dir)) {
            Blocks.writePiece(f.disk, f.torrent, f.content, 1, 1);
            f.listener.awaitVerified(1);
            ReadResult region = Reads.read(f.torrent, 1, 0, BLOCK_SIZE);
            try {
                assertThat(region).as("zero-copy is on").isInstanceOf(ReadResult.Region.class);
            } finally {
                region.release();
            }
            ReadResult data = Reads.readIntoMemory(f.torrent, 1, 0, BLOCK_SIZE);
            try {
                assertThat(data).isInstanceOf(ReadResult.Data.class);
            } finally {
                assertThat(Reads.bytes(data)).isEqualTo(f.content.block(1, 0));
            }
        }
    }

    @Test
    void aRangeAcrossTwoFilesIsReadIntoABufferEvenWithZeroCopy() throws Exception {
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, LAYOUT, dir)) {
            Blocks.writePiece(f.disk, f.torrent, f.content, 1, 1);
            f.listener.awaitVerified(1);
            ReadResult across = Reads.read(f.torrent, 1, BLOCK_SIZE, BLOCK_SIZE); // holds the file boundary
            try {
                assertThat(across).isInstanceOf(ReadResult.Data.class);
            } finally {
                assertThat(Reads.bytes(across)).isEqualTo(f.content.block(1, 1));
            }
            ReadResult inside = Reads.read(f.torrent, 1, 0, BLOCK_SIZE);
            try {
                assertThat(inside).isInstanceOf(ReadResult.Region.class);
            } finally {
                assertThat(Reads.bytes(inside)).isEqualTo(f.content.block(1, 0));
            }
        }
    }

    @Test
    void readsAfterCloseFailAsClosed() throws Exception {
        Fixture f = Fixture.memory(LAYOUT);
        try (f) {
            f.torrent.close().get();
            ReadResult afterTorrentClose = Reads.read(f.torrent, 0, 0, BLOCK_SIZE);
            assertThat(((ReadResult.Failed) afterTorrentClose).error().kind()).isEqualTo(DiskError.Kind.CLOSED);
        }
        ReadResult afterManagerClose = Reads.read(f.torrent, 0, 0, BLOCK_SIZE);
        assertThat(((ReadResult.Failed) afterManagerClose).error().kind()).isEqualTo(DiskError.Kind.CLOSED);
    }

    @Test
    void aRangeOutsideThePieceOrLongerThanABlockIsRefused() {
        try (Fixture f = Fixture.memory(LAYOUT)) {
            ReadCallback never = (p, o, l, r) -> {
                throw new AssertionError("no answer expected");
            };
            assertThatThrownBy(() -> f.torrent.read(0, 0, 2 * BLOCK_SIZE, never)).hasMessageContaining("at most");
            assertThatThrownBy(() -> f.torrent.read(3, 4 * BLOCK_SIZE - 10, 20, never))
                    .hasMessageContaining("outside piece 3");
            assertThatThrownBy(() -> f.torrent.read(99, 0, 1, never)).hasMessageContaining("piece 99");
        }
    }
}
