package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.Metainfo;
import dev.spate.testkit.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** File selection: a skipped file is never created, its neighbours complete, and it can be wanted again. */
class SkippedFileTest {
    /** Sizes that no piece boundary divides, so the skipped files share pieces with their neighbours. */
    private static final long[] SIZES = {100_000, 300_001, 50_000, 0, 70_003};
    private static final int PIECE = 32 * 1024;

    @TempDir
    Path tmp;

    @RegisterExtension
    final Clients clients = new Clients();


    private Metainfo album() {
        Path root = tmp.resolve("seed/album");
        for (int i = 0; i < SIZES.length; i++) {
            Payloads.write(root.resolve("f" + i + ".bin"), SIZES[i], 40 + i);
        }
        return Payloads.torrent(root, PIECE);
    }

    private static Path file(Path dir, int i) {
        return dir.resolve("album").resolve("f" + i + ".bin");
    }

    @Test
    void aSkippedFileIsNeverCreatedAndItsNeighboursComplete() throws Exception {
        Metainfo torrent = album();
        TorrentClient seeder = clients.seeder(torrent, tmp.resolve("seed"));
        TorrentClient leecher = clients.loopback();
        List<TorrentEvent> events = new CopyOnWriteArrayList<>();
        leecher.subscribe(Runnable::run, events::add);
        Path dir = tmp.resolve("leech");
        TorrentHandle leech = leecher.add(TorrentSource.of(torrent), dir, AddOptions.defaults()
                .withFilePriority(1, FilePriority.SKIP).withFilePriority(3, FilePriority.SKIP)
                .withFilePriority(4, FilePriority.HIGH));
        leech.addPeer(Clients.address(seeder));
        leech.completion().get(60, TimeUnit.SECONDS);

        TorrentStatus status = leech.status();
        assertThat(status.state()).isEqualTo(TorrentState.SEEDING);
        assertThat(status.progress()).isEqualTo(1.0);
        assertThat(status.piecesVerified()).isLessThan(status.pieceCount());
        assertThat(status.files().get(1).priority()).isEqualTo(FilePriority.SKIP);
        assertThat(file(dir, 1)).as("skipped file").doesNotExist();
        assertThat(file(dir, 3)).as("skipped empty file").doesNotExist();
        for (int i : new int[] {0, 2, 4}) {
            assertThat(Files.mismatch(file(tmp.resolve("seed"), i), file(dir, i))).as("file " + i).isEqualTo(-1);
        }
        Await.until(Duration.ofSeconds(10), "FileCompleted for files 0, 2 and 4",
                () -> events.stream().filter(e -> e instanceof TorrentEvent.FileCompleted)
                        .map(e -> ((TorrentEvent.FileCompleted) e).file()).toList()
                        .containsAll(List.of(0, 2, 4)));
        assertThat(events).noneMatch(e -> e instanceof TorrentEvent.FileCompleted f && (f.file() == 1 || f.file() == 3));
    }

    @Test
    void aSkippedFileWantedAgainIsDownloadedWithTheBytesKeptInThePartFile() throws Exception {
        Metainfo torrent = album();
        TorrentClient seeder = clients.seeder(torrent, tmp.resolve("seed"));
        TorrentClient leecher = clients.loopback();
        Path dir = tmp.resolve("leech");
        TorrentHandle leech = leecher.add(TorrentSource.of(torrent), dir,
                AddOptions.defaults().withFilePriority(1, FilePriority.SKIP));
        leech.addPeer(Clients.address(seeder));
        leech.completion().get(60, TimeUnit.SECONDS);
        assertThat(file(dir, 1)).doesNotExist();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".parts"));

        leech.setFilePriority(1, FilePriority.NORMAL);
        Await.until(Duration.ofSeconds(60), () -> "file 1 complete: " + leech.status(),
                () -> leech.status().files().get(1).progress() == 1.0 && leech.status().state() == TorrentState.SEEDING);
        assertThat(leech.status().piecesVerified()).isEqualTo(torrent.pieceCount());
        clients.close(leecher);
        Payloads.assertSameTree(tmp.resolve("seed"), dir);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".parts"));
    }
}
