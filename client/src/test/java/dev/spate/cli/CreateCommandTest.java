package dev.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.FileEntry;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void makesTheSameTorrentAsTheCommittedGreeting() throws Exception {
        Path out = tmp.resolve("g.torrent");
        Path greeting = CliRun.testTorrents().resolve("greeting");
        CliRun r = CliRun.run("create", greeting.toString(), "-o", out.toString(), "-t", "udp://tracker.invalid:6969/announce",
                "--piece-size", "16K", "--no-date", "--comment", "hi");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty(); // not a terminal: no progress
        Metainfo m = Metainfo.read(out);
        Metainfo committed = Metainfo.read(CliRun.testTorrents().resolve("greeting.torrent"));
        assertThat(m.files()).isEqualTo(committed.files());
        assertThat(m.creationDate()).isEmpty();
        assertThat(m.createdBy()).contains("spate " + Main.VERSION);
        assertThat(m.comment()).contains("hi");
        assertThat(r.out()).isEqualTo("created " + out + ": greeting, 1 files, 13 B in 1 pieces of 16 KiB\n"
                + "info hash v1: " + m.infoHashes().v1() + "\n"
                + "magnet:       " + m.toMagnet() + "\n");
    }

    @Test
    void everyOption() throws Exception {
        Path out = tmp.resolve("tree.torrent");
        CliRun r = CliRun.run("create", CliRun.testTorrents().resolve("tree").toString(), "--output", out.toString(),
                "--hybrid", "--piece-size", "32k", "--private", "-t", "http://a/announce, http://b/announce",
                "--tracker", "udp://c:1", "--web-seed", "http://w/1", "--web-seed", "http://w/2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Metainfo m = Metainfo.read(out);
        assertThat(m.version()).isEqualTo(TorrentVersion.HYBRID);
        assertThat(m.pieceLength()).isEqualTo(32768);
        assertThat(m.isPrivate()).isTrue();
        assertThat(m.trackerTiers()).containsExactly(List.of("http://a/announce", "http://b/announce"), List.of("udp://c:1"));
        assertThat(m.webSeeds()).containsExactly("http://w/1", "http://w/2");
        assertThat(m.creationDate()).isPresent();
        assertThat(m.files().stream().filter(f -> !f.padding()).map(FileEntry::pathString))
                .containsExactly("tree/big.bin", "tree/small.txt", "tree/sub/empty");
        assertThat(r.out()).contains("info hash v1: ", "info hash v2: ");

        Path v2 = tmp.resolve("v2.torrent");
        assertThat(CliRun.run("create", CliRun.testTorrents().resolve("tree").toString(), "-o", v2.toString(), "--v2").exitCode()).isZero();
        assertThat(Metainfo.read(v2).version()).isEqualTo(TorrentVersion.V2);
    }

    @Test
    void showsProgressOnATerminal() {
        Path out = tmp.resolve("p.torrent");
        CliRun r = CliRun.run(true, "create", CliRun.testTorrents().resolve("tree").toString(), "-o", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).startsWith("\rhashing ").contains("100% 39.1 KiB of 39.1 KiB").endsWith("\n");
    }

    @Test
    void usageErrorsExit2AndWriteNothing() {
        Path out = tmp.resolve("x.torrent");
        String src = CliRun.testTorrents().resolve("greeting").toString();
        CliRun r = CliRun.run("create", src);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spate create: Missing required option: o. Try 'spate create --help'.\n");
        r = CliRun.run("create", src, "-o", out.toString(), "--piece-size", "100K");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spate: --piece-size: 100K is not a power of two from 16K to 512M\n");
        r = CliRun.run("create", src, "-o", out.toString(), "--piece-size", "lots");
        assertThat(r.err()).isEqualTo("spate: --piece-size: not a size: 'lots' (examples: 16384, 256K, 4M)\n");
        r = CliRun.run("create", src, "-o", out.toString(), "--v1", "--v2");
        assertThat(r.exitCode()).isEqualTo(2);
        r = CliRun.run("create", tmp.resolve("nothing-here").toString(), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spate: " + tmp.resolve("nothing-here") + ": no such file or directory\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnwritableOutputIsADiskError() {
        Path out = tmp.resolve("no-such-dir").resolve("x.torrent");
        CliRun r = CliRun.run("create", CliRun.testTorrents().resolve("greeting").toString(), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).startsWith("spate: " + out + ": cannot write it: ");
    }

    @Test
    void helpListsEveryOption() {
        CliRun r = CliRun.run("create", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--output", "--tracker", "--piece-size", "--private", "--comment", "--web-seed",
                "--v1", "--v2", "--hybrid", "--no-date");
    }
}
