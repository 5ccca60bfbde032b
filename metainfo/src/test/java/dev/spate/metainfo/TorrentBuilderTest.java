package dev.spate.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.metainfo.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TorrentBuilderTest {
    @TempDir
    Path tmp;

    static byte[] payload(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A directory whose files do not line up with 16 KiB pieces, with an empty file and a subdirectory. */
    Path sampleDirectory() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("data").resolve("album"));
        Files.write(dir.resolve("b.bin"), payload(20_000, 1));
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub").resolve("c.bin"), payload(5_000, 2));
        Files.write(dir.resolve("a.txt"), payload(70_001, 3));
        Files.write(dir.resolve("empty"), new byte[0]);
        return dir;
    }

    @Test
    void filesAreInPathComponentOrderAsBytes() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("d"));
        for (String f : List.of("b", "a.txt", "a-", "Z", "\u00e9")) {
            Files.write(dir.resolve(f), new byte[] {1});
        }
        Files.createDirectories(dir.resolve("a/x"));
        Files.write(dir.resolve("a/x/y"), new byte[] {1});
        Metainfo m = TorrentBuilder.of(dir).creationDate(null).build();
        assertThat(m.files()).extracting(FileEntry::pathString)
                .containsExactly("d/Z", "d/a/x/y", "d/a-", "d/a.txt", "d/b", "d/\u00e9");
    }

    @ParameterizedTest
    @EnumSource(TorrentVersion.class)
    void aMultiFileTorrentParsesBackWithItsFilesAndHashes(TorrentVersion version) throws Exception {
        Path dir = sampleDirectory();
        Metainfo m = TorrentBuilder.of(dir).version(version).pieceLength(16384).creationDate(null).build();
        assertThat(m.version()).isEqualTo(version);
        assertThat(m.name()).isEqualTo("album");
        List<FileEntry> real = m.files().stream().filter(f -> !f.padding()).toList();
        assertThat(real).extracting(FileEntry::pathString)
                .containsExactly("album/a.txt", "album/b.bin", "album/empty", "album/sub/c.bin");
        assertThat(real).extracting(FileEntry::length).containsExactly(70_001L, 20_000L, 0L, 5_000L);
        assertThat(m.warnings()).isEmpty();
        Metainfo again = Metainfo.parse(m.toTorrentBytes());
        assertThat(again.infoHashes()).isEqualTo(m.infoHashes());
        if (version.hasV2()) {
            // Every non-empty file starts a piece, and its padding is what libtorrent writes.
            real.stream().filter(f -> f.length() > 0).forEach(f -> {
                assertThat(f.offset() % 16384).as(f.pathString()).isZero();
                assertThat(f.piecesRoot()).as(f.pathString()).hasSize(32);
            });
            assertThat(m.pieceLayer(real.get(0).index())).get().extracting(b -> b.length).isEqualTo(5 * 32);
            assertThat(m.pieceLayer(real.get(1).index())).get().extracting(b -> b.length).isEqualTo(2 * 32);
            assertThat(m.pieceLayer(real.get(3).index())).isEmpty();
        } else {
            assertThat(m.files()).noneMatch(FileEntry::padding);
            assertThat(m.totalLength()).isEqualTo(95_001L);
        }
        if (version.hasV1()) {
            assertV1PieceHashesMatch(m, dir.getParent());
        }
    }

    @Test
    void hybridPaddingMatchesLibtorrents() throws Exception {
        Metainfo m = TorrentBuilder.of(sampleDirectory()).version(TorrentVersion.HYBRID).pieceLength(16384)
                .creationDate(null).build();
        assertThat(m.files()).extracting(f -> f.pathString() + ":" + f.length() + "@" + f.offset())
                .containsExactly("album/a.txt:70001@0", "album/.pad/11919:11919@70001",
                        "album/b.bin:20000@81920", "album/.pad/12768:12768@101920",
                        "album/empty:0@114688", "album/sub/c.bin:5000@114688", "album/.pad/11384:11384@119688");
    }

    /** Recomputes every SHA-1 piece hash from the files on disk (padding as zeros). */
    static void assertV1PieceHashesMatch(Metainfo m, Path downloadDir) throws Exception {
        byte[] stream = new byte[Math.toIntExact(m.totalLength())];
        for (FileEntry f : m.files()) {
            if (!f.padding()) {
                byte[] data = Files.readAllBytes(downloadDir.resolve(String.join("/", f.path())));
                System.arraycopy(data, 0, stream, (int) f.offset(), data.length);
            }
        }
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        for (int i = 0; i < m.pieceCount(); i++) {
            sha1.update(stream, i * m.pieceLength(), m.pieceSize(i));
            assertThat(sha1.digest()).as("piece " + i).isEqualTo(m.pieceHash(i));
        }
    }

    @Test
    void singleFileV1HasTheSameInfoHashAsMktorrent() throws Exception {
        Path mktorrent = Path.of("/usr/bin/mktorrent");
        if (!Files.isExecutable(mktorrent)) {
            System.out.println("singleFileV1HasTheSameInfoHashAsMktorrent skipped: /usr/bin/mktorrent is not installed");
            Assumptions.abort("mktorrent is not installed");
        }
        Path file = tmp.resolve("payload.bin");
        Files.write(file, payload(1_000_003, 7));
        Path out = tmp.resolve("mk.torrent");
        Processes.Result r = Processes.run(tmp, List.of(mktorrent.toString(), "-l", "18", "-a", "http://tracker.example/announce",
                "-o", out.toString(), file.toString()));
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        Metainfo theirs = Metainfo.read(out);
        Metainfo ours = TorrentBuilder.of(file).pieceLength(1 << 18).tracker("http://tracker.example/announce").build();
        assertThat(ours.infoHashes().v1()).isEqualTo(theirs.infoHashes().v1());
        assertThat(ours.infoBytes()).isEqualTo(theirs.infoBytes());

        Path privateOut = tmp.resolve("mk-private.torrent");
        r = Processes.run(tmp, List.of(mktorrent.toString(), "-p", "-l", "18", "-o", privateOut.toString(), file.toString()));
        assertThat(r.exitCode()).isZero();
        Metainfo oursPrivate = TorrentBuilder.of(file).pieceLength(1 << 18).privateTorrent(true).build();
        assertThat(oursPrivate.infoHashes()).isEqualTo(Metainfo.read(privateOut).infoHashes());
    }

    @Test
    void libtorrentLoadsAndVerifiesSpatesV1V2AndHybridTorrents() throws Exception {
        if (!Processes.hasPythonLibtorrent()) {
            System.out.println("libtorrent interop test skipped: /usr/bin/python3 -c 'import libtorrent' does not work");
            Assumptions.abort("python3 libtorrent is not installed");
        }
        Path dir = sampleDirectory();
        Path script = Path.of(getClass().getResource("libtorrent_check.py").toURI());
        Path single = tmp.resolve("data").resolve("single.bin");
        Files.write(single, payload(100_000, 9));
        for (Path source : List.of(dir, single)) {
            for (TorrentVersion version : TorrentVersion.values()) {
                Metainfo m = TorrentBuilder.of(source).version(version).pieceLength(32768).build();
                Path torrent = tmp.resolve(source.getFileName() + "-" + version + ".torrent");
                Files.write(torrent, m.toTorrentBytes());
                Processes.Result r = Processes.run(tmp, List.of("/usr/bin/python3", script.toString(), torrent.toString(),
                        source.getParent().toString()));
                String what = source.getFileName() + " " + version + ": " + r.stdout() + r.stderr();
                assertThat(r.exitCode()).as(what).isZero();
                List<String> lines = r.stdout().lines().toList();
                InfoHashes h = m.infoHashes();
                assertThat(lines).as(what).contains(
                        "v1=" + (h.v1() == null ? "none" : h.v1().toHex()),
                        "v2=" + (h.v2() == null ? "none" : h.v2().toHex()),
                        "pieces=" + m.pieceCount(),
                        "have=" + m.pieceCount());
                if (version != TorrentVersion.V2) {
                    assertThat(lines).as(what).contains("total=" + m.totalLength());
                }
            }
        }
    }

    @Test
    void automaticPieceLengthAimsForOneToTwoThousandPieces() {
        assertThat(TorrentBuilder.automaticPieceLength(1)).isEqualTo(16384);
        assertThat(TorrentBuilder.automaticPieceLength(2000L * 16384)).isEqualTo(16384);
        assertThat(TorrentBuilder.automaticPieceLength(2000L * 16384 + 1)).isEqualTo(32768);
        for (long size : new long[] {100_000_000L, 4_700_000_000L, 33_000_000_000L}) {
            int length = TorrentBuilder.automaticPieceLength(size);
            long pieces = (size + length - 1) / length;
            assertThat(Integer.bitCount(length)).isEqualTo(1);
            assertThat(pieces).as(size + " bytes").isBetween(1000L, 2000L);
        }
        assertThat(TorrentBuilder.automaticPieceLength(1L << 50)).isEqualTo(16 << 20);
    }

    @Test
    void reportsProgressUpToTheTotalOnTheCallingThread() throws Exception {
        Path file = tmp.resolve("p.bin");
        Files.write(file, payload(3_000_000, 4));
        List<long[]> calls = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Metainfo m = TorrentBuilder.of(file).pieceLength(16384).threads(4)
                .progress((done, total) -> {
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    calls.add(new long[] {done, total});
                })
                .build();
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(3_000_000L, 3_000_000L);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThanOrEqualTo(calls.get(i - 1)[0]);
        }
        assertThat(m.pieceCount()).isEqualTo(184);
    }

    @Test
    void oneThreadAndManyThreadsGiveTheSameTorrent() throws Exception {
        Path dir = sampleDirectory();
        for (TorrentVersion v : TorrentVersion.values()) {
            byte[] one = TorrentBuilder.of(dir).version(v).threads(1).creationDate(null).build().toTorrentBytes();
            byte[] many = TorrentBuilder.of(dir).version(v).threads(8).creationDate(null).build().toTorrentBytes();
            assertThat(many).as(v.toString()).isEqualTo(one);
        }
    }

    @Test
    void writesTheOptionalFields() throws Exception {
        Path file = tmp.resolve("f");
        Files.write(file, payload(10, 5));
        Instant when = Instant.parse("2024-05-01T12:00:00Z");
        Metainfo m = TorrentBuilder.of(file).name("greeting").pieceLength(5)
                .trackerTier(List.of("http://a/announce", "http://b/announce")).tracker("udp://c:6969")
                .webSeed("http://seed/f").privateTorrent(true).comment("hi").createdBy("spate test")
                .creationDate(when).build();
        assertThat(m.name()).isEqualTo("greeting");
        assertThat(m.pieceCount()).isEqualTo(2);
        assertThat(m.trackerTiers()).containsExactly(List.of("http://a/announce", "http://b/announce"), List.of("udp://c:6969"));
        assertThat(m.webSeeds()).containsExactly("http://seed/f");
        assertThat(m.isPrivate()).isTrue();
        assertThat(m.comment()).contains("hi");
        assertThat(m.createdBy()).contains("spate test");
        assertThat(m.creationDate()).contains(when);

        Metainfo bare = TorrentBuilder.of(file).creationDate(null).build();
        assertThat(bare.creationDate()).isEmpty();
        assertThat(bare.trackerTiers()).isEmpty();
        assertThat(bare.isPrivate()).isFalse();
        assertThat(new String(bare.toTorrentBytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("announce").doesNotContain("creation date");
    }

    @Test
    void refusesWhatCannotBeATorrent() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("nothing"));
        assertThatThrownBy(() -> TorrentBuilder.of(empty).build()).isInstanceOf(IOException.class)
                .hasMessageContaining("holds no files");
        Files.write(empty.resolve("zero"), new byte[0]);
        assertThatThrownBy(() -> TorrentBuilder.of(empty).build()).isInstanceOf(IOException.class)
                .hasMessageContaining("every file is empty");
        assertThatThrownBy(() -> TorrentBuilder.of(tmp.resolve("missing")).build()).isInstanceOf(IOException.class)
                .hasMessageContaining("no such file");
        Files.write(empty.resolve("one"), new byte[] {1});
        assertThatThrownBy(() -> TorrentBuilder.of(empty).version(TorrentVersion.V2).pieceLength(5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        // A sparse file: 4 GiB of size, no disk; 1-byte pieces would need 4 billion of them.
        Path sparse = tmp.resolve("sparse");
        try (var ch = java.nio.channels.FileChannel.open(sparse, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 4L << 30);
        }
        assertThatThrownBy(() -> TorrentBuilder.of(sparse).pieceLength(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than the 2097152 a torrent may have");
    }

    @Test
    void v2OnlyTorrentOfOneFileUsesTheFileTreeForItsLayout() throws Exception {
        Path file = tmp.resolve("one.bin");
        Files.write(file, payload(40_000, 6));
        Metainfo m = TorrentBuilder.of(file).version(TorrentVersion.V2).pieceLength(16384).build();
        assertThat(m.hasV1Pieces()).isFalse();
        assertThat(m.infoHashes().v1()).isNull();
        assertThat(m.files()).extracting(FileEntry::pathString).containsExactly("one.bin", ".pad/9152");
        assertThat(m.pieceCount()).isEqualTo(3);
        assertThatThrownBy(() -> m.pieceHash(0)).isInstanceOf(IllegalStateException.class);
        byte[] layer = m.pieceLayer(0).orElseThrow();
        assertThat(Merkle.rootFromPieceLayer(layer, 0, 3, 16384)).isEqualTo(m.files().get(0).piecesRoot());
        assertThat(Arrays.equals(layer, 0, 32, layer, 32, 64)).isFalse();
    }
}
