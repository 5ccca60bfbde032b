package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeders and leechers of spate in one JVM, over TCP on 127.0.0.1. */
class LoopbackSwarmTest {
    @TempDir
    Path tmp;

    private final List<AutoCloseable> closeAtEnd = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closeAtEnd.size() - 1; i >= 0; i--) {
            closeAtEnd.get(i).close();
        } // ResourceChecks then looks for threads, buffers and files left over
    }

    private TorrentClient client() {
        TorrentClient c = TorrentClient.create(ClientConfig.loopback().withNetworkThreads(2));
        closeAtEnd.add(c);
        return c;
    }

    private static InetSocketAddress address(TorrentClient c) {
        return new InetSocketAddress("127.0.0.1", c.listenPort());
    }

    @Test
    void oneSeederToOneLeecherSingleFile() throws Exception {
        Path seedDir = tmp.resolve("seed");
        Payloads.write(seedDir.resolve("payload.bin"), 5_000_000, 1);
        Metainfo torrent = Payloads.torrent(seedDir.resolve("payload.bin"), 64 * 1024);
        TorrentHandle seed = client().add(torrent, seedDir);
        seed.completion().get(30, TimeUnit.SECONDS);
        assertThat(seed.status().state()).isEqualTo(TorrentState.SEEDING);
        TorrentClient seeder = (TorrentClient) closeAtEnd.get(0);

        TorrentHandle leech = client().add(torrent, tmp.resolve("leech"));
        leech.addPeer(address(seeder));
        leech.completion().get(60, TimeUnit.SECONDS);
        assertThat(leech.status().piecesVerified()).isEqualTo(torrent.pieceCount());
        Payloads.assertSameTree(seedDir, tmp.resolve("leech"));
    }

    @Test
    void multiFileTorrentWhosePiecesStraddleFiles() throws Exception {
        Path root = tmp.resolve("seed/album");
        long[] sizes = {1, 40_000, 0, 123_457, 65_536, 3_000_001, 17};
        for (int i = 0; i < sizes.length; i++) {
            Payloads.write(root.resolve(i % 2 == 0 ? "d" + i + "/f" + i : "f" + i + ".dat"), sizes[i], 10 + i);
        }
        Metainfo torrent = Payloads.torrent(root, 48 * 1024); // divides none of the files
        TorrentClient seeder = client();
        seeder.add(torrent, tmp.resolve("seed")).completion().get(30, TimeUnit.SECONDS);
        TorrentHandle leech = client().add(torrent, tmp.resolve("leech"));
        leech.addPeer(address(seeder));
        leech.completion().get(60, TimeUnit.SECONDS);
        Payloads.assertSameTree(tmp.resolve("seed"), tmp.resolve("leech"));
    }

    @Test
    void oneSeederToEightLeechersThatTradeAmongThemselves() throws Exception {
        EmbeddedTracker tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(0)
                .withBindAddress(InetAddress.getLoopbackAddress()).withInterval(Duration.ofSeconds(1)));
        closeAtEnd.add(tracker);
        Path seedDir = tmp.resolve("seed");
        Payloads.write(seedDir.resolve("payload.bin"), 8_000_000, 2);
        Metainfo torrent = TorrentBuilder.of(seedDir.resolve("payload.bin")).pieceLength(32 * 1024)
                .tracker(tracker.httpAnnounceUri().toString()).build();
        TorrentClient seeder = client();
        TorrentHandle seed = seeder.add(torrent, seedDir);
        seed.completion().get(30, TimeUnit.SECONDS);
        List<TorrentHandle> leeches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            leeches.add(client().add(torrent, tmp.resolve("leech" + i)));
        }
        CompletableFuture.allOf(leeches.stream().map(TorrentHandle::completion).toArray(CompletableFuture[]::new))
                .get(120, TimeUnit.SECONDS);
        long uploadedByLeechers = leeches.stream().mapToLong(l -> l.status().uploaded()).sum();
        assertThat(uploadedByLeechers).as("leechers fed each other").isGreaterThan(0);
        for (int i = 0; i < 8; i++) {
            Payloads.assertSameTree(seedDir, tmp.resolve("leech" + i));
        }
    }

    @Test
    void aSeederSendingCorruptDataIsBannedAndThePieceComesFromAnHonestOne() throws Exception {
        Path goodDir = tmp.resolve("good");
        Path badDir = tmp.resolve("bad");
        Payloads.write(goodDir.resolve("payload.bin"), 2_000_000, 3);
        Payloads.write(badDir.resolve("payload.bin"), 2_000_000, 3);
        Metainfo torrent = Payloads.torrent(goodDir.resolve("payload.bin"), 32 * 1024);
        TorrentClient liar = client();
        liar.add(torrent, badDir).completion().get(30, TimeUnit.SECONDS);
        // Corrupt every piece on the liar's disk after it has verified them: it serves bad data.
        try (RandomAccessFile f = new RandomAccessFile(badDir.resolve("payload.bin").toFile(), "rw")) {
            for (long at = 100; at < f.length(); at += 32 * 1024) {
                f.seek(at);
                f.write(0xff ^ f.read());
            }
        }
        TorrentClient honest = client();
        honest.add(torrent, goodDir).completion().get(30, TimeUnit.SECONDS);

        TorrentHandle leech = client().add(torrent, tmp.resolve("leech"));
        leech.addPeer(address(liar));
        leech.addPeer(address(honest));
        leech.completion().get(60, TimeUnit.SECONDS);
        Payloads.assertSameTree(goodDir, tmp.resolve("leech"));
    }
}
