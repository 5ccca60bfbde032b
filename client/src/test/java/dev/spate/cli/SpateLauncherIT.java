package dev.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bin/spate info test-torrents/greeting.torrent} as a newcomer would. Runs after
 * {@code package} (failsafe), when the launcher's jar and classpath file exist; it marks them
 * current so the launcher does not start a second Maven build inside this one.
 */
class SpateLauncherIT {

    @Test
    void binSpateInfoPrintsTheGreeting() throws Exception {
        Path root = CliRun.testTorrents().getParent();
        Path target = root.resolve("client").resolve("target");
        assertThat(target.resolve("classpath.txt")).exists();
        assertThat(target.resolve("spate-client-launcher.jar")).exists();
        // The build that runs this test has just packaged the sources: that is what the stamp records.
        Path stamp = target.resolve("launcher.stamp");
        if (!Files.exists(stamp)) {
            Files.createFile(stamp);
        }
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now()));

        Path out = Files.createTempFile("spate-it", ".out");
        Path err = Files.createTempFile("spate-it", ".err");
        try {
            Process p = new ProcessBuilder(root.resolve("bin").resolve("spate").toString(), "info", "test-torrents/greeting.torrent")
                    .directory(root.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bin/spate finished").isTrue();
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(stderr).isZero();
            assertThat(stdout).contains("name:         greeting", "info hash v1: 697ef8b00953731999f166c530a534dc41e6de61",
                    "pieces:       3");
            assertThat(stderr).doesNotContain("building");
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
