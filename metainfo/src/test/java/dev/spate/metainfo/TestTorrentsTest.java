package dev.spate.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Makes the repository's {@code test-torrents/} (payloads, torrents and magnet links) and checks
 * that what is committed is exactly what this code makes, so the examples cannot drift from the
 * builder. {@code test-torrents/generate} runs it with {@code -Dspate.writeTestTorrents=true} to
 * write them instead.
 */
class TestTorrentsTest {
    static final String TRACKER = "udp://tracker.invalid:6969/announce";

    /** Payload files: path under test-torrents/ and content. */
    static Map<String, byte[]> payloads() {
        Map<String, byte[]> p = new LinkedHashMap<>();
        p.put("greeting", "hello, world\n".getBytes(StandardCharsets.US_ASCII));
        p.put("multi/a.txt", "apples\n".getBytes(StandardCharsets.US_ASCII));
        p.put("multi/b/c.txt", "bananas and cherries".getBytes(StandardCharsets.US_ASCII));
        p.put("multi/d.bin", random(33, 3));
        p.put("tree/big.bin", random(40_000, 1));
        p.put("tree/small.txt", "a small file that fits in one piece\n".getBytes(StandardCharsets.US_ASCII));
        p.put("tree/sub/empty", new byte[0]);
        return p;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Torrents: file name under test-torrents/ and how it is made from the payloads in {@code dir}. */
    static Map<String, Metainfo> torrents(Path dir) throws IOException, InterruptedException {
        Map<String, Metainfo> t = new LinkedHashMap<>();
        t.put("greeting.torrent", TorrentBuilder.of(dir.resolve("greeting")).pieceLength(5).tracker(TRACKER)
                .comment("a 13-byte greeting in 5-byte pieces").creationDate(null).build());
        t.put("multi.torrent", TorrentBuilder.of(dir.resolve("multi")).pieceLength(16).tracker(TRACKER)
                .webSeed("http://seed.invalid/files/").creationDate(null).build());
        t.put("hybrid.torrent", TorrentBuilder.of(dir.resolve("tree")).version(TorrentVersion.HYBRID).pieceLength(16384)
                .trackerTier(List.of(TRACKER, "http://tracker.invalid/announce")).creationDate(null).build());
        t.put("v2.torrent", TorrentBuilder.of(dir.resolve("tree")).version(TorrentVersion.V2).pieceLength(16384)
                .tracker(TRACKER).privateTorrent(true).creationDate(null).build());
        return t;
    }

    static String magnets(Map<String, Metainfo> torrents) {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("greeting.torrent", "hybrid.torrent", "v2.torrent")) {
            sb.append(torrents.get(name).toMagnet()).append('\n');
        }
        MagnetUri g = torrents.get("greeting.torrent").toMagnet();
        sb.append(new MagnetUri(g.infoHashes(), g.displayName(), g.trackers(), List.of(new PeerAddress("127.0.0.1", 6881),
                new PeerAddress("::1", 6881)), g.webSeeds(), java.util.OptionalLong.of(13), List.of(new FileIndexRange(0, 0))))
                .append('\n');
        return sb.toString();
    }

    @Test
    void committedTestTorrentsAreWhatTheBuilderMakes() throws Exception {
        Path dir = Corpus.testTorrents();
        boolean write = Boolean.getBoolean("spate.writeTestTorrents");
        for (Map.Entry<String, byte[]> p : payloads().entrySet()) {
            Path file = dir.resolve(p.getKey());
            if (write) {
                Files.createDirectories(file.getParent());
                Files.write(file, p.getValue());
            }
            assertThat(file).as(p.getKey()).exists().hasBinaryContent(p.getValue());
        }
        Map<String, Metainfo> torrents = torrents(dir);
        for (Map.Entry<String, Metainfo> t : torrents.entrySet()) {
            Path file = dir.resolve(t.getKey());
            if (write) {
                Files.write(file, t.getValue().toTorrentBytes());
            }
            assertThat(file).as(t.getKey() + " (regenerate with test-torrents/generate)").hasBinaryContent(t.getValue().toTorrentBytes());
        }
        Path magnets = dir.resolve("magnet.txt");
        if (write) {
            Files.writeString(magnets, magnets(torrents));
        }
        assertThat(magnets).hasContent(magnets(torrents).strip());
    }

    @Test
    void theGreetingIsThirteenBytesInThreePieces() throws Exception {
        Metainfo m = Metainfo.read(Corpus.testTorrents().resolve("greeting.torrent"));
        assertThat(m.totalLength()).isEqualTo(13);
        assertThat(m.pieceCount()).isEqualTo(3);
        assertThat(m.pieceSize(2)).isEqualTo(3);
        Metainfo multi = Metainfo.read(Corpus.testTorrents().resolve("multi.torrent"));
        assertThat(multi.pieceLength()).isEqualTo(16);
        assertThat(multi.files()).extracting(FileEntry::offset).containsExactly(0L, 7L, 27L);
        for (String line : Files.readAllLines(Corpus.testTorrents().resolve("magnet.txt"))) {
            assertThat(MagnetUri.parse(line).toString()).isEqualTo(line);
        }
    }
}
