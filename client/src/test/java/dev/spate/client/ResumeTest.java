package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.disk.storage.ForwardingStorage;
import dev.spate.disk.storage.SlowStorage;
import dev.spate.disk.storage.Storage;
import dev.spate.metainfo.Metainfo;
import dev.spate.testkit.Await;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session across restarts: a torrent comes back in its state, its unchanged files are not
 * hashed again (no byte of them is read), and a file changed since is.
 */
class ResumeTest {
    private static final long[] SIZES = {400_000, 300_000, 500_000};
    private static final int PIECE = 32 * 1024;

    @TempDir
    Path tmp;

    @RegisterExtension
    final Clients clients = new Clients();
    /** Bytes read from storage, by file index, by the client under test. */
    private final ConcurrentMap<Integer, AtomicLong> reads = new ConcurrentHashMap<>();


    private final class CountingStorage extends ForwardingStorage {
        CountingStorage(Storage delegate) {
            super(delegate);
        }

        @Override
        public void read(int file, long offset, ByteBuffer dst) throws IOException {
            reads.computeIfAbsent(file, f -> new AtomicLong()).addAndGet(dst.remaining());
            super.read(file, offset, dst);
        }
    }

    private ClientConfig withSession() {
        return ClientConfig.loopback().toBuilder().networkThreads(2).sessionDir(tmp.resolve("state"))
                .storageWrapper(CountingStorage::new).build();
    }

    private Metainfo downloaded(Path dir) throws Exception {
        Path root = tmp.resolve("seed/set");
        for (int i = 0; i < SIZES.length; i++) {
            Payloads.write(root.resolve("f" + i), SIZES[i], 70 + i);
        }
        Metainfo torrent = Payloads.torrent(root, PIECE);
        TorrentClient seeder = clients.seeder(torrent, tmp.resolve("seed"));
        TorrentClient leecher = clients.start(withSession());
        TorrentHandle h = leecher.add(torrent, dir);
        h.addPeer(Clients.address(seeder));
        h.completion().get(60, TimeUnit.SECONDS);
        clients.close(leecher);
        clients.close(seeder);
        reads.clear();
        return torrent;
    }

    private long bytesRead(int file) {
        AtomicLong n = reads.get(file);
        return n == null ? 0 : n.get();
    }

    @Test
    void aRestartedClientBringsTheTorrentBackAsASeedWithoutReadingItsFiles() throws Exception {
        Path dir = tmp.resolve("leech");
        Metainfo torrent = downloaded(dir);
        TorrentClient again = clients.start(withSession());
        assertThat(again.torrents()).hasSize(1);
        TorrentHandle h = again.torrents().get(0);
        assertThat(h.infoHash()).isEqualTo(torrent.infoHashes().primary());
        h.completion().get(30, TimeUnit.SECONDS);
        Await.until(Duration.ofSeconds(10), () -> "seeding: " + h.status(),
                () -> h.status().state() == TorrentState.SEEDING);
        assertThat(h.status().piecesVerified()).isEqualTo(torrent.pieceCount());
        assertThat(h.status().totalDownloaded()).as("totals survive the restart").isGreaterThanOrEqualTo(1_200_000);
        assertThat(h.status().downloaded()).as("nothing downloaded in this session").isZero();
        assertThat(reads).as("bytes read by the resume").isEmpty();
    }

    @Test
    void aFileChangedSinceIsCheckedAgainAndOnlyItsPiecesAreRead() throws Exception {
        Path dir = tmp.resolve("leech");
        Metainfo torrent = downloaded(dir);
        Path last = dir.resolve("set/f2");
        Files.setLastModifiedTime(last, FileTime.from(Instant.now().plusSeconds(5)));
        TorrentClient again = clients.start(withSession());
        TorrentHandle h = again.torrents().get(0);
        h.completion().get(30, TimeUnit.SECONDS);
        assertThat(h.status().piecesVerified()).isEqualTo(torrent.pieceCount());
        assertThat(bytesRead(2)).isEqualTo(SIZES[2]);
        assertThat(bytesRead(0)).as("the first file shares no piece with the last").isZero();
        assertThat(bytesRead(1)).as("the middle file: only the piece it shares with the last")
                .isLessThanOrEqualTo(PIECE);
    }

    @Test
    void aCorruptedFileWithANewTimeLosesItsPiecesAndTheRestIsKept() throws Exception {
        Path dir = tmp.resolve("leech");
        Metainfo torrent = downloaded(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("set/f0"));
        bytes[1000] ^= 0x55;
        Files.write(dir.resolve("set/f0"), bytes);
        Files.setLastModifiedTime(dir.resolve("set/f0"), FileTime.from(Instant.now().plusSeconds(5)));
        TorrentClient again = clients.start(withSession());
        TorrentHandle h = again.torrents().get(0);
        Await.until(Duration.ofSeconds(30), () -> "checked: " + h.status(),
                () -> h.status().state() == TorrentState.DOWNLOADING);
        assertThat(h.status().piecesVerified()).isEqualTo(torrent.pieceCount() - 1);
        assertThat(bytesRead(1)).as("the next file: only the piece it shares with the first").isLessThanOrEqualTo(PIECE);
        assertThat(bytesRead(2)).as("the last file's pieces are trusted").isZero();
    }

    @Test
    void addingAStoredTorrentAgainWithoutRestoringTheSessionUsesItsResumeData() throws Exception {
        Path dir = tmp.resolve("leech");
        Metainfo torrent = downloaded(dir);
        TorrentClient again = clients.start(withSession().toBuilder().restoreSession(false).build());
        assertThat(again.torrents()).isEmpty();
        TorrentHandle h = again.add(torrent, dir);
        h.completion().get(30, TimeUnit.SECONDS);
        assertThat(h.status().piecesVerified()).isEqualTo(torrent.pieceCount());
        assertThat(reads).isEmpty();
    }

    @Test
    void aClientClosedInTheMiddleOfACheckKeepsTheResumeDataItHad() throws Exception {
        Path dir = tmp.resolve("leech");
        Metainfo torrent = downloaded(dir);
        Files.setLastModifiedTime(dir.resolve("set/f1"), FileTime.from(Instant.now().plusSeconds(5)));
        TorrentClient slow = clients.start(withSession().toBuilder()
                .storageWrapper(s -> new SlowStorage(new CountingStorage(s), Duration.ofMillis(20), Duration.ZERO))
                .build());
        TorrentHandle h = slow.torrents().get(0);
        Await.until(Duration.ofSeconds(10), "checking f1", () -> bytesRead(1) > 0);
        clients.close(slow);
        assertThat(h.status().state()).as("closing is no failure").isNotEqualTo(TorrentState.ERROR);
        reads.clear();
        TorrentClient again = clients.start(withSession());
        TorrentHandle back = again.torrents().get(0);
        back.completion().get(30, TimeUnit.SECONDS);
        assertThat(back.status().piecesVerified()).isEqualTo(torrent.pieceCount());
        assertThat(bytesRead(1)).as("f1 is checked again in full").isEqualTo(SIZES[1]);
    }

    @Test
    void theSessionKeepsPeersPausedTorrentsAndQueueOrder() throws Exception {
        Path dir = tmp.resolve("leech");
        Metainfo first = downloaded(dir);
        try (dev.spate.client.store.SessionStore store = dev.spate.client.store.SessionStore.open(tmp.resolve("state"),
                Duration.ofMillis(10))) {
            dev.spate.client.store.StoredTorrent t = store.load(first.infoHashes().primary().toHex()).get()
                    .orElseThrow();
            assertThat(t.peers()).as("the seeder, last seen").anySatisfy(p -> {
                assertThat(p.host()).isEqualTo("127.0.0.1");
                assertThat(p.lastSeenMillis()).isPositive();
            });
        }
        Path other = tmp.resolve("other/x.bin");
        Payloads.write(other, 50_000, 1);
        Metainfo second = Payloads.torrent(other, PIECE);
        TorrentClient c = clients.start(withSession());
        TorrentHandle b = c.add(TorrentSource.of(second), other.getParent(), AddOptions.defaults().withPaused(true));
        b.moveInQueue(QueueMove.TOP);
        Await.until(Duration.ofSeconds(10), "paused at the top",
                () -> b.status().state() == TorrentState.PAUSED && b.status().queuePosition() == 0);
        clients.close(c);
        TorrentClient again = clients.start(withSession());
        assertThat(again.torrents()).extracting(TorrentHandle::infoHash)
                .containsExactly(second.infoHashes().primary(), first.infoHashes().primary());
        TorrentHandle back = again.torrents().get(0);
        Await.until(Duration.ofSeconds(10), () -> "paused again: " + back.status().state(),
                () -> back.status().state() == TorrentState.PAUSED);
    }
}
