package dev.spate.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadFilesTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameBytesAndADifferentOneOthers() throws Exception {
        Path a = PayloadFiles.writeRandom(dir.resolve("a"), 100_001, 7);
        Path b = PayloadFiles.writeRandom(dir.resolve("b/b"), 100_001, 7);
        Path c = PayloadFiles.writeRandom(dir.resolve("c"), 100_001, 8);
        assertThat(Files.size(a)).isEqualTo(100_001);
        assertThat(PayloadFiles.firstDifference(a, b)).isEmpty();
        assertThat(PayloadFiles.firstDifference(a, c)).hasValueSatisfying(d -> assertThat(d).contains("differs"));
    }

    @Test
    void aTreeDiffersWhereAByteChangedOrAFileIsMissing() throws Exception {
        Map<String, Long> files = new LinkedHashMap<>();
        files.put("x.bin", 5_000L);
        files.put("sub/y.bin", 70_000L);
        files.put("sub/empty", 0L);
        Path expected = PayloadFiles.writeTree(dir.resolve("one"), files, 1);
        Path actual = PayloadFiles.writeTree(dir.resolve("two"), files, 1);
        assertThat(PayloadFiles.firstDifference(expected, actual)).isEmpty();

        try (RandomAccessFile f = new RandomAccessFile(actual.resolve("sub/y.bin").toFile(), "rw")) {
            f.seek(65_537);
            int b = f.read();
            f.seek(65_537);
            f.write(b ^ 1);
        }
        assertThat(PayloadFiles.firstDifference(expected, actual))
                .hasValueSatisfying(d -> assertThat(d).contains("y.bin", "from byte 65537"));

        Files.delete(actual.resolve("sub/empty"));
        Files.delete(actual.resolve("sub/y.bin"));
        assertThat(PayloadFiles.firstDifference(expected, actual))
                .hasValueSatisfying(d -> assertThat(d).contains("is missing"));
    }
}
