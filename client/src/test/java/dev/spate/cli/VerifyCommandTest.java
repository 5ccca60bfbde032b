package dev.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path tmp;

    private Path torrentFile;

    @BeforeEach
    void data() throws Exception {
        Path root = tmp.resolve("data/set");
        Files.createDirectories(root);
        for (int i = 1; i <= 3; i++) {
            byte[] bytes = new byte[50_000 * i];
            new SplittableRandom(i).nextBytes(bytes);
            Files.write(root.resolve("f" + i), bytes);
        }
        Metainfo m = TorrentBuilder.of(root).pieceLength(16 * 1024).build();
        torrentFile = tmp.resolve("set.torrent");
        Files.write(torrentFile, m.toTorrentBytes());
    }

    private CliRun verify(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "verify";
        args[1] = torrentFile.toString();
        args[2] = "-d" + tmp.resolve("data");
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.run(args);
    }

    @Test
    void goodDataExitsZero() {
        CliRun r = verify();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("set: all 19 pieces are good");
    }

    @Test
    void aCorruptByteExitsSixNamingItsFile() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(tmp.resolve("data/set/f2").toFile(), "rw")) {
            f.seek(70_000);
            int b = f.read();
            f.seek(70_000);
            f.write(b ^ 0xff);
        }
        CliRun r = verify();
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_PIECES);
        assertThat(r.out()).contains("1 of 19 pieces are bad").contains("set/f2: 1 bad piece")
                .doesNotContain("set/f1").doesNotContain("set/f3");
    }

    @Test
    void aMissingFileExitsSixAndSaysSoInJson() throws Exception {
        Files.delete(tmp.resolve("data/set/f1"));
        CliRun r = verify("--json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_PIECES);
        assertThat(r.out()).contains("\"bad_pieces\": 4", "\"missing\": true").contains("set/f1");
        assertThat(tmp.resolve("data/set/f1")).as("verify creates nothing").doesNotExist();
    }
}
