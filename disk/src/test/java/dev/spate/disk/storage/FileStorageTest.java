package dev.spate.disk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.disk.layout.StorageLayout;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {

    static final long BIG = 3L << 30; // 3 GiB, written sparsely
    static final StorageLayout LAYOUT = StorageLayout.of(new long[] {BIG, 1000, 1000, 1000, 1000, 64},
            new boolean[] {false, false, false, false, false, true}, 1 << 20);

    @TempDir
    Path dl;

    @Test
    void filesAreCreatedOnTheFirstWriteSparseWithTheirDirectoriesAndReadsCreateNothing() throws Exception {
        FileHandlePool pool = new FileHandlePool(8);
        try (FileStorage storage = storage(pool)) {
            assertThatThrownBy(() -> storage.read(1, 0, ByteBuffer.allocate(10))).isInstanceOf(NoSuchFileException.class);
            assertThat(storage.size(1)).isEqualTo(-1);
            assertThat(dl.resolve("d1")).doesNotExist();

            storage.write(0, BIG - 4, ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
            Path big = dl.resolve("d0").resolve("f0");
            assertThat(Files.size(big)).isEqualTo(BIG);
            Object allocated = Files.getAttribute(big, "unix:size"); // attribute view present on Linux
            assertThat(allocated).isEqualTo(BIG);

            ByteBuffer back = ByteBuffer.allocate(4);
            storage.read(0, BIG - 4, back);
            assertThat(back.array()).containsExactly(1, 2, 3, 4);
            ByteBuffer hole = ByteBuffer.allocate(8);
            storage.read(0, 1L << 31, hole);
            assertThat(hole.array()).containsOnly(0);
        }
        assertThat(pool.openChannels()).isZero();
    }

    @Test
    void readingPastTheEndOfAShortFileSaysSo() throws Exception {
        // A file found on disk shorter than the torrent says (reads never extend a file).
        Files.createDirectories(dl.resolve("d1"));
        Files.write(dl.resolve("d1").resolve("f1"), new byte[10]);
        try (FileStorage storage = storage(new FileHandlePool(8))) {
            assertThatThrownBy(() -> storage.read(1, 5, ByteBuffer.allocate(10))).isInstanceOf(EOFException.class)
                    .hasMessageContaining("has 10 bytes");
            assertThatThrownBy(() -> storage.read(1, 995, ByteBuffer.allocate(10)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside file 1");
        }
    }

    @Test
    void aFileOpenedForWritingTakesItsFullLengthAsASparseFile() throws Exception {
        try (FileStorage storage = storage(new FileHandlePool(8))) {
            storage.write(2, 500, ByteBuffer.wrap(new byte[] {7}));
            assertThat(storage.size(2)).isEqualTo(1000);
            ByteBuffer start = ByteBuffer.allocate(10);
            storage.read(2, 0, start);
            assertThat(start.array()).containsOnly(0);
        }
    }

    @Test
    void paddingIsNeverCreatedReadsZerosAndRefusesData() throws Exception {
        try (FileStorage storage = storage(new FileHandlePool(8))) {
            storage.write(5, 0, ByteBuffer.allocate(64));
            ByteBuffer zeros = ByteBuffer.allocate(64);
            zeros.put(0, (byte) 7);
            storage.read(5, 0, zeros);
            assertThat(zeros.array()).containsOnly(0);
            assertThat(storage.size(5)).isEqualTo(64);
            assertThat(storage.leaseChannel(5)).isNull();
            ByteBuffer data = ByteBuffer.allocate(64);
            data.put(63, (byte) 1);
            assertThatThrownBy(() -> storage.write(5, 0, data)).hasMessageContaining("all zeros");
        }
        assertThat(dl.resolve("pad")).doesNotExist();
    }

    @Test
    void theOpenFileLimitIsKeptAndAFileInUseSurvivesEviction() throws Exception {
        FileHandlePool pool = new FileHandlePool(2);
        try (FileStorage storage = storage(pool)) {
            storage.write(1, 0, ByteBuffer.wrap(new byte[] {42}));
            ChannelLease lease = storage.leaseChannel(1);
            for (int file = 2; file <= 4; file++) {
                storage.write(file, 0, ByteBuffer.wrap(new byte[] {(byte) file}));
            }
            assertThat(pool.openChannels()).as("two in the pool, one held by the lease").isEqualTo(3);

            ByteBuffer one = ByteBuffer.allocate(1);
            lease.channel().read(one, 0);
            assertThat(one.get(0)).isEqualTo((byte) 42);
            lease.release();
            assertThat(pool.openChannels()).isEqualTo(2);
            assertThatThrownBy(lease::release).isInstanceOf(IllegalStateException.class);
        }
        assertThat(pool.openChannels()).isZero();
    }

    @Test
    void theLeastRecentlyUsedFileIsClosedFirst() throws Exception {
        FileHandlePool pool = new FileHandlePool(2);
        try (FileStorage storage = storage(pool)) {
            storage.write(1, 0, ByteBuffer.wrap(new byte[1]));
            storage.write(2, 0, ByteBuffer.wrap(new byte[1]));
            storage.read(1, 0, ByteBuffer.allocate(1)); // 1 is now more recent than 2
            storage.write(3, 0, ByteBuffer.wrap(new byte[1]));
            assertThat(storage.slot(1)).isNotNull();
            assertThat(storage.slot(2)).isNull();
            assertThat(storage.slot(3)).isNotNull();
        }
    }

    @Test
    void flushReachesFilesWhoseHandlesWereEvictedAndCloseRefusesLaterCalls() throws Exception {
        FileHandlePool pool = new FileHandlePool(1);
        FileStorage storage = storage(pool);
        for (int file = 1; file <= 4; file++) {
            storage.write(file, 0, ByteBuffer.wrap(new byte[] {(byte) file}));
        }
        storage.flush();
        storage.close();
        storage.close();
        assertThat(pool.openChannels()).isZero();
        assertThatThrownBy(() -> storage.write(1, 0, ByteBuffer.allocate(1))).hasMessageContaining("closed");
        byte[] f1 = Files.readAllBytes(dl.resolve("d1").resolve("f1"));
        assertThat(f1).as("full length from the first write, sparse").hasSize(1000);
        assertThat(f1[0]).isEqualTo((byte) 1);
    }

    @Test
    void aReadOnlyHandleIsReplacedWhenAWriteComes() throws Exception {
        Files.createDirectories(dl.resolve("d1"));
        Files.write(dl.resolve("d1").resolve("f1"), new byte[1000]);
        FileHandlePool pool = new FileHandlePool(4);
        try (FileStorage storage = storage(pool)) {
            storage.read(1, 0, ByteBuffer.allocate(10));
            storage.write(1, 0, ByteBuffer.wrap(new byte[] {9}));
            assertThat(pool.openChannels()).isEqualTo(1);
        }
        assertThat(Files.readAllBytes(dl.resolve("d1").resolve("f1"))[0]).isEqualTo((byte) 9);
    }

    private FileStorage storage(FileHandlePool pool) {
        List<List<String>> paths = new ArrayList<>();
        for (int i = 0; i < LAYOUT.fileCount(); i++) {
            paths.add(i == 5 ? List.of("pad", "5") : List.of("d" + i, "f" + i));
        }
        return new FileStorage(dl, paths, LAYOUT, pool);
    }
}
