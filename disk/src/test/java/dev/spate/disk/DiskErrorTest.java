package dev.spate.disk;

import static dev.spate.disk.layout.StorageLayout.BLOCK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.FaultyStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskErrorTest {

    static final StorageLayout LAYOUT = StorageLayout.of(new long[] {3 * 4 * BLOCK_SIZE + 100, 50_000},
            4 * BLOCK_SIZE);

    @TempDir
    Path dir;

    @Test
    void aFailedWriteIsReportedWithItsPathAndThePieceCanBeDownloadedAgain() {
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, LAYOUT, dir, Fixture.CONFIG,
                s -> FaultyStorage.failingWrite(s, 2))) {
            Blocks.writePiece(f.disk, f.torrent, f.content, 0, 1);
            f.listener.awaitErrors(1);
            DiskError error = f.listener.errors().get(0);
            assertThat(error.kind()).isEqualTo(DiskError.Kind.IO);
            assertThat(error.operation()).isEqualTo(DiskError.Operation.WRITE);
            assertThat(error.piece()).isZero();
            assertThat(error.path()).isEqualTo(Fixture.path(dir, 0).toAbsolutePath().toString());
            assertThat(error.message()).contains("write of piece 0", "injected write failure");

            f.torrent.flush().join(); // the rest of the piece arrives after its state was reset
            Blocks.writePiece(f.disk, f.torrent, f.content, 0, 2);
            f.listener.awaitVerified(1);
            assertThat(f.listener.failureCount()).isZero();
        }
    }

    @Test
    void aFullDiskIsNamedAsSuchAndVerifiedPiecesStayVerified() throws Exception {
        long room = 2L * LAYOUT.pieceLength();
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, LAYOUT, dir, Fixture.CONFIG,
                s -> FaultyStorage.fullAfter(s, room))) {
            Blocks.writePiece(f.disk, f.torrent, f.content, 0, 1);
            Blocks.writePiece(f.disk, f.torrent, f.content, 1, 1);
            f.listener.awaitVerified(2);
            Blocks.writePiece(f.disk, f.torrent, f.content, 2, 1);
            Blocks.writePiece(f.disk, f.torrent, f.content, 3, 1);
            f.listener.awaitErrors(1);
            f.torrent.flush().join();

            DiskError error = f.listener.errors().get(0);
            assertThat(error.kind()).isEqualTo(DiskError.Kind.DISK_FULL);
            assertThat(error.message()).startsWith("disk full: write of piece").contains(dir.toString());
            assertThat(f.torrent.isVerified(0)).isTrue();
            assertThat(f.torrent.isVerified(1)).isTrue();
            assertThat(f.torrent.isVerified(2)).isFalse();
            assertThat(f.torrent.isVerified(3)).isFalse();
            byte[] file = Files.readAllBytes(Fixture.path(dir, 0));
            assertThat(Arrays.copyOf(file, (int) room)).isEqualTo(Arrays.copyOf(f.content.file(0), (int) room));
            assertThat(f.disk.availableWriteBudget()).isEqualTo(Fixture.CONFIG.writeBudgetBytes());
        }
    }

    @Test
    void aFailedReadBackWhileHashingResetsThePiece() {
        try (Fixture f = Fixture.of(Fixture.Kind.MEMORY, LAYOUT, null, Fixture.CONFIG,
                s -> FaultyStorage.failingRead(s, 1))) {
            for (int b = 1; b < 4; b++) {
                Blocks.write(f.disk, f.torrent, 0, b, f.content.block(0, b), 1);
            }
            Blocks.write(f.disk, f.torrent, 0, 0, f.content.block(0, 0), 1); // reads block 1 back: fails
            f.listener.awaitErrors(1);
            assertThat(f.listener.errors().get(0).operation()).isEqualTo(DiskError.Operation.READ);
            assertThat(f.listener.errors().get(0).piece()).isZero();

            f.torrent.flush().join();
            Blocks.writePiece(f.disk, f.torrent, f.content, 0, 1);
            f.listener.awaitVerified(1);
        }
    }

    @Test
    void aVanishedFileFailsUploadReadsButNotTheVerifiedState() throws Exception {
        for (boolean zeroCopy : new boolean[] {true, false}) {
            Path sub = Files.createDirectory(dir.resolve("zc-" + zeroCopy));
            try (Fixture f = Fixture.of(Fixture.Kind.FILES, LAYOUT, sub,
                    Fixture.CONFIG.withZeroCopyReads(zeroCopy).withOpenFileLimit(1), s -> s)) {
                Blocks.writePiece(f.disk, f.torrent, f.content, 3, 1);
                f.listener.awaitVerified(1);
                Blocks.writePiece(f.disk, f.torrent, f.content, 0, 1); // file 0 pushes file 1 out of the LRU
                f.listener.awaitVerified(2);
                f.torrent.flush().get();
                Files.delete(Fixture.path(sub, 1));

                ReadResult result = Reads.read(f.torrent, 3, 0, BLOCK_SIZE);
                assertThat(result).isInstanceOf(ReadResult.Failed.class);
                DiskError error = ((ReadResult.Failed) result).error();
                assertThat(error.kind()).isEqualTo(DiskError.Kind.FILE_MISSING);
                assertThat(error.path()).endsWith("file1");
                assertThat(f.torrent.isVerified(3)).isTrue();
            }
        }
    }

    @Test
    void aSymlinkOutOfTheDownloadDirectoryIsAnErrorNotAWrite() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path dl = Files.createDirectory(dir.resolve("dl"));
        Files.createSymbolicLink(dl.resolve("dir"), outside);
        try (Fixture f = Fixture.of(Fixture.Kind.FILES, LAYOUT, dl)) {
            Blocks.writePiece(f.disk, f.torrent, f.content, 0, 1);
            f.listener.awaitErrors(1);
            assertThat(f.listener.errors().get(0).kind()).isEqualTo(DiskError.Kind.OUTSIDE_DOWNLOAD_DIR);
            f.torrent.flush().join();
        }
        assertThat(outside).isEmptyDirectory();
    }
}
