package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.Metainfo;
import dev.spate.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real download seen through its events: the whole life, in order, on the subscriber's executor. */
class EventsTest {
    @TempDir
    Path tmp;

    private final Clients clients = new Clients();
    private final ExecutorService subscriber = Executors.newSingleThreadExecutor(r -> new Thread(r, "app-events"));

    @AfterEach
    void close() throws InterruptedException {
        clients.close();
        subscriber.shutdown();
        assertThat(subscriber.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSubscriberThatFallsBehindStillSeesTheWholeLifeInOrder() throws Exception {
        Path file = tmp.resolve("seed/data.bin");
        Payloads.write(file, 6_000_000, 9);
        Metainfo torrent = Payloads.torrent(file, 16 * 1024); // 367 pieces: a flood of PieceVerified
        TorrentClient seeder = clients.seeder(torrent, tmp.resolve("seed"));
        TorrentClient leecher = clients.loopback();
        Semaphore slow = new Semaphore(0);
        List<TorrentEvent> got = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        EventSubscription sub = leecher.subscribe(subscriber, e -> {
            slow.acquireUninterruptibly(); // held until the download is over
            slow.release();
            got.add(e);
            threads.add(Thread.currentThread().getName());
        });
        TorrentHandle h = leecher.add(TorrentSource.of(torrent), tmp.resolve("leech"),
                AddOptions.defaults().withPeers(List.of(Clients.address(seeder))));
        h.completion().get(60, TimeUnit.SECONDS);
        h.remove().get(10, TimeUnit.SECONDS);
        slow.release();
        Await.until(Duration.ofSeconds(20), "the Removed event",
                () -> got.stream().anyMatch(e -> e instanceof TorrentEvent.Removed));

        assertThat(got.stream().map(TorrentEvent::sequence).toList()).isSorted().doesNotHaveDuplicates();
        assertThat(threads).allMatch("app-events"::equals);
        List<String> life = new ArrayList<>();
        for (TorrentEvent e : got) {
            if (e instanceof TorrentEvent.StateChanged s) {
                life.add(s.to().name());
            } else if (!e.isProgress()) {
                life.add(e.getClass().getSimpleName());
            }
        }
        assertThat(((TorrentEvent.Added) got.get(0)).state()).isEqualTo(TorrentState.CHECKING);
        assertThat(life).containsExactly("Added", "QUEUED", "DOWNLOADING", "FileCompleted", "Finished",
                "SEEDING", "REMOVED", "Removed");
        long pieces = got.stream().filter(e -> e instanceof TorrentEvent.PieceVerified).count();
        assertThat(pieces + sub.dropped()).as("every piece, delivered or counted as dropped")
                .isGreaterThanOrEqualTo(torrent.pieceCount());
    }
}
