package dev.spate.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.disk.storage.PathEscapeException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The small value types at the module's edge. */
class EdgeTypesTest {

    @Test
    void configDefaultsAndBadValues() {
        DiskConfig d = DiskConfig.defaults();
        assertThat(d.writeBudgetBytes()).isEqualTo(64L << 20);
        assertThat(d.readCacheBytes()).isEqualTo(32L << 20);
        assertThat(d.threads()).isEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
        assertThat(d.withThreads(5).withOpenFileLimit(7).withZeroCopyReads(false))
                .isEqualTo(new DiskConfig(64L << 20, 5, 32L << 20, 7, false));
        assertThatThrownBy(() -> d.withWriteBudgetBytes(100)).hasMessageContaining("at least one block");
        assertThatThrownBy(() -> d.withThreads(0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> d.withReadCacheBytes(-1)).hasMessageContaining("read cache");
        assertThatThrownBy(() -> d.withOpenFileLimit(0)).hasMessageContaining("open-file limit");
    }

    @Test
    void pieceHashesComeFromTheConcatenatedString() {
        byte[] two = new byte[40];
        two[20] = 7;
        PieceHashes hashes = PieceHashes.of(two);
        two[0] = 1; // copied
        assertThat(hashes.pieceCount()).isEqualTo(2);
        assertThat(hashes.get(1)[0]).isEqualTo((byte) 7);
        assertThat(hashes.matches(0, new byte[20])).isTrue();
        assertThat(hashes.matches(1, new byte[20])).isFalse();
        assertThatThrownBy(() -> PieceHashes.of(new byte[21])).hasMessageContaining("multiple of 20");
        assertThatThrownBy(() -> hashes.get(2)).hasMessageContaining("piece 2");
    }

    @Test
    void errorsAreClassifiedForTheUser() {
        assertThat(DiskError.classify(new IOException("No space left on device"))).isEqualTo(DiskError.Kind.DISK_FULL);
        assertThat(DiskError.classify(new IOException("wrapped", new IOException("Disk quota exceeded"))))
                .isEqualTo(DiskError.Kind.DISK_FULL);
        assertThat(DiskError.classify(new NoSuchFileException("/x"))).isEqualTo(DiskError.Kind.FILE_MISSING);
        assertThat(DiskError.classify(new AccessDeniedException("/x"))).isEqualTo(DiskError.Kind.ACCESS_DENIED);
        assertThat(DiskError.classify(new PathEscapeException("/x", "out"))).isEqualTo(DiskError.Kind.OUTSIDE_DOWNLOAD_DIR);
        assertThat(DiskError.classify(new IOException("Input/output error"))).isEqualTo(DiskError.Kind.IO);

        DiskError e = DiskError.of(DiskError.Operation.WRITE, 7, "/dl/a.iso", new IOException("No space left on device"));
        assertThat(e.message()).isEqualTo("disk full: write of piece 7 at /dl/a.iso (No space left on device)");
    }
}
