package dev.spate.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalProcessTest {
    @TempDir
    Path dir;

    @Test
    void itsOutputGoesToItsLogAndCloseStopsIt() throws Exception {
        try (ExternalProcess p = ExternalProcess.start("sleeper", dir, List.of("/bin/sh", "-c",
                "echo first; echo second >&2; exec sleep 60"))) {
            assertThat(Poll.until(Duration.ofSeconds(10), () -> p.output().contains("second"))).isTrue();
            assertThat(p.log()).isEqualTo(dir.resolve("sleeper.log"));
            p.close();
            assertThat(p.isAlive()).isFalse();
            assertThat(p.tail()).contains("sleeper (pid " + p.pid() + ", exited with", "first", "second");
        }
    }

    @Test
    void aProgramThatExitsByItselfKeepsItsStatus() throws Exception {
        try (ExternalProcess p = ExternalProcess.start("quitter", dir, List.of("/bin/sh", "-c", "exit 3"))) {
            assertThat(p.waitForExit(Duration.ofSeconds(10))).isTrue();
            assertThat(p.exitValue()).isEqualTo(3);
        }
    }
}
