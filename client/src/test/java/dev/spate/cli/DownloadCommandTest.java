package dev.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.client.ClientConfig;
import dev.spate.client.TorrentClient;
import dev.spate.client.store.SessionStore;
import dev.spate.client.store.StoredTorrent;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spate download} against a seeder in this JVM: selection, JSON events, resume, exit codes. */
class DownloadCommandTest {
    private static final long[] SIZES = {70_000, 200_003, 90_001};

    @TempDir
    Path tmp;

    private TorrentClient seeder;
    private Path torrentFile;
    private Metainfo torrent;

    @BeforeEach
    void seed() throws Exception {
        Path root = tmp.resolve("seed/pack");
        for (int i = 0; i < SIZES.length; i++) {
            byte[] bytes = new byte[(int) SIZES[i]];
            new SplittableRandom(i).nextBytes(bytes);
            Files.createDirectories(root);
            Files.write(root.resolve("part" + (i + 1) + ".bin"), bytes);
        }
        torrent = TorrentBuilder.of(root).pieceLength(16 * 1024).build();
        torrentFile = tmp.resolve("pack.torrent");
        Files.write(torrentFile, torrent.toTorrentBytes());
        seeder = TorrentClient.create(ClientConfig.loopback());
        seeder.add(torrent, tmp.resolve("seed")).completion().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        seeder.close();
    }

    private List<String> args(String... extra) {
        List<String> a = new ArrayList<>(List.of("download", torrentFile.toString(), "-d", tmp.resolve("dl").toString(),
                "--port", "0", "--peer", "127.0.0.1:" + seeder.listenPort(), "--state-dir",
                tmp.resolve("state").toString()));
        a.addAll(List.of(extra));
        return a;
    }

    private static CliRun run(List<String> args) {
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void listNumbersTheFilesForSelect() {
        CliRun r = CliRun.run("download", torrentFile.toString(), "--list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("pack (3 files").containsPattern("\\n\\s+1\\s+.*pack/part1\\.bin")
                .containsPattern("\\n\\s+3\\s+.*pack/part3\\.bin");
    }

    @Test
    void selectedFilesDownloadTheOthersAreNeverCreatedAndJsonLinesTellTheStory() throws Exception {
        CliRun r = run(args("--select", "1,3", "--json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path dl = tmp.resolve("dl/pack");
        assertThat(Files.mismatch(dl.resolve("part1.bin"), tmp.resolve("seed/pack/part1.bin"))).isEqualTo(-1);
        assertThat(Files.mismatch(dl.resolve("part3.bin"), tmp.resolve("seed/pack/part3.bin"))).isEqualTo(-1);
        assertThat(dl.resolve("part2.bin")).doesNotExist();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).allMatch(l -> l.startsWith("{\"seq\":") && l.endsWith("}"));
        assertThat(lines.get(0)).contains("\"type\":\"added\"", "\"info_hash\":\"" + torrent.infoHashes().primary()
                .toHex() + "\"");
        assertThat(lines).anyMatch(l -> l.contains("\"type\":\"piece_verified\""));
        assertThat(lines).anyMatch(l -> l.contains("\"type\":\"finished\""));
        assertThat(tmp.resolve("state/session.db")).exists();
    }

    @Test
    void runningTheSameCommandAgainResumesWithoutDownloadingAnything() {
        assertThat(run(args()).exitCode()).isZero();
        CliRun again = run(args("--json"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("\"type\":\"finished\"").doesNotContain("piece_verified")
                .doesNotContain("checking_progress");
    }

    @Test
    void usageAndTorrentErrorsHaveTheirExitCodes() throws Exception {
        assertThat(run(args("--select", "4")).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run(args("--select", "a-b")).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run(args("--max-download-limit", "fast")).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run(args("-q", "-v")).exitCode()).isEqualTo(ExitCode.USAGE);
        Path bad = tmp.resolve("bad.torrent");
        Files.writeString(bad, "d4:infoe");
        CliRun r = CliRun.run("download", bad.toString(), "--port", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_TORRENT);
        assertThat(r.err()).startsWith("spate: " + bad);
    }

    @Test
    void noProgressBeforeTheStopTimeoutExitsWithFive() {
        CliRun r = CliRun.run("download", torrentFile.toString(), "-d", tmp.resolve("dl").toString(), "--port", "0",
                "--state-dir", tmp.resolve("state").toString(), "--stop-timeout", "2");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.NO_PROGRESS);
        assertThat(r.err()).contains("no progress for 2 s");
    }

    @Test
    void aDownloadDirectoryThatCannotBeWrittenIsADiskErrorNamingThePath() throws Exception {
        Path notADir = tmp.resolve("file-not-dir");
        Files.writeString(notADir, "x");
        CliRun r = CliRun.run("download", torrentFile.toString(), "-d", notADir.toString(), "--port", "0",
                "--peer", "127.0.0.1:" + seeder.listenPort(), "--state-dir", tmp.resolve("state").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.DISK);
        assertThat(r.err()).contains(notADir.toString());
    }

    @Test
    void anInterruptStopsCleanlyWith130AndKeepsTheSession() throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        CompletableFuture<String> err = new CompletableFuture<>();
        Thread command = new Thread(() -> {
            CliRun r = run(args("--max-download-limit", "16K"));
            err.complete(r.err());
            exit.complete(r.exitCode());
        }, "download-test");
        command.start();
        dev.spate.testkit.Await.until(java.time.Duration.ofSeconds(20), "the download has started",
                () -> Files.isDirectory(tmp.resolve("dl/pack"))); // made with the first file written
        long t0 = System.nanoTime();
        command.interrupt();
        assertThat(exit.get(10, TimeUnit.SECONDS)).as(err.getNow("")).isEqualTo(ExitCode.INTERRUPTED);
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to stop").isLessThan(5);
        try (SessionStore store = SessionStore.open(tmp.resolve("state"), java.time.Duration.ofMillis(10))) {
            StoredTorrent stored = store.load(torrent.infoHashes().primary().toHex()).get().orElseThrow();
            assertThat(stored.resume()).as("resume data written on the way out").isPresent();
            assertThat(stored.resume().get().clean()).isTrue();
            assertThat(stored.totals().downloaded()).isPositive();
        }
    }
}
