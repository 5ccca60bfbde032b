package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.Metainfo;
import dev.spate.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The queue with 20 torrents: the active limit holds, queue order decides, moves take effect, stalls free slots. */
class QueueTest {
    private static final int TORRENTS = 20;

    @TempDir
    Path tmp;

    @RegisterExtension
    final Clients clients = new Clients();


    private List<Metainfo> torrents(int count) {
        List<Metainfo> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = tmp.resolve("seed").resolve(String.format("t%02d.bin", i));
            Payloads.write(file, 300_000, 100 + i);
            out.add(Payloads.torrent(file, 16 * 1024));
        }
        return out;
    }

    /** Adds every torrent paused, waits until each is checked, then resumes them in order. */
    private List<TorrentHandle> addInOrder(TorrentClient client, List<Metainfo> torrents, AddOptions options) {
        List<TorrentHandle> handles = new ArrayList<>();
        for (Metainfo m : torrents) {
            handles.add(client.add(TorrentSource.of(m), tmp.resolve("leech"), options.withPaused(true)));
        }
        Await.until(Duration.ofSeconds(30), "all checked", () -> handles.stream()
                .allMatch(h -> h.status().state() == TorrentState.PAUSED));
        handles.forEach(TorrentHandle::resume);
        return handles;
    }

    private static List<Integer> downloading(List<TorrentHandle> handles) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            if (handles.get(i).status().state() == TorrentState.DOWNLOADING) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void twentyTorrentsDownloadInQueueOrderNeverMoreThanThreeAtOnce() throws Exception {
        List<Metainfo> torrents = torrents(TORRENTS);
        TorrentClient seeder = clients.start(ClientConfig.loopback().withNetworkThreads(2)
                .withRateLimits(0, 3 << 20));
        for (Metainfo m : torrents) {
            seeder.add(m, tmp.resolve("seed"));
        }
        TorrentClient leecher = clients.start(ClientConfig.loopback().withNetworkThreads(2)
                .withQueue(QueueConfig.defaults().withMaxActiveDownloads(3)));
        List<TorrentEvent> events = new CopyOnWriteArrayList<>();
        leecher.subscribe(Runnable::run, events::add);
        List<TorrentHandle> handles = addInOrder(leecher, torrents,
                AddOptions.defaults().withPeers(List.of(Clients.address(seeder))));
        CompletableFuture.allOf(handles.stream().map(TorrentHandle::completion).toArray(CompletableFuture[]::new))
                .get(120, TimeUnit.SECONDS);

        Set<Object> active = new HashSet<>();
        int most = 0;
        List<String> started = new ArrayList<>();
        for (TorrentEvent e : events) {
            if (e instanceof TorrentEvent.StateChanged s) {
                if (s.to() == TorrentState.DOWNLOADING) {
                    active.add(s.infoHash());
                    started.add(s.name());
                } else if (s.from() == TorrentState.DOWNLOADING) {
                    active.remove(s.infoHash());
                }
                most = Math.max(most, active.size());
            }
        }
        assertThat(most).as("downloads at once").isEqualTo(3);
        assertThat(started).as("started in queue order").isEqualTo(torrents.stream().map(Metainfo::name).toList());
        for (int i = 0; i < TORRENTS; i++) {
            assertThat(handles.get(i).status().state()).isEqualTo(TorrentState.SEEDING);
        }
    }

    @Test
    void movesInTheQueueDecideWhichTorrentsRun() {
        List<Metainfo> torrents = torrents(TORRENTS);
        TorrentClient client = clients.start(ClientConfig.loopback().withNetworkThreads(2)
                .withQueue(QueueConfig.defaults().withMaxActiveDownloads(3)));
        List<TorrentHandle> h = addInOrder(client, torrents, AddOptions.defaults()); // no peers: none finishes
        Await.until(Duration.ofSeconds(10), () -> "0-2 downloading: " + downloading(h),
                () -> downloading(h).equals(List.of(0, 1, 2)));
        assertThat(h.get(7).status().state()).isEqualTo(TorrentState.QUEUED);

        h.get(10).moveInQueue(QueueMove.TOP);
        Await.until(Duration.ofSeconds(10), () -> "10, 0, 1 downloading: " + downloading(h),
                () -> downloading(h).equals(List.of(0, 1, 10)));
        assertThat(h.get(10).status().queuePosition()).isZero();
        assertThat(h.get(2).status().queuePosition()).isEqualTo(3);

        h.get(2).moveInQueue(QueueMove.UP);
        Await.until(Duration.ofSeconds(10), () -> "10, 0, 2 downloading: " + downloading(h),
                () -> downloading(h).equals(List.of(0, 2, 10)));

        h.get(10).moveInQueue(QueueMove.BOTTOM);
        h.get(0).moveInQueue(QueueMove.DOWN);
        Await.until(Duration.ofSeconds(10), () -> "2 at the top: " + h.get(2).status().queuePosition(),
                () -> h.get(2).status().queuePosition() == 0);
        Await.until(Duration.ofSeconds(10), () -> "0, 1, 2 downloading: " + downloading(h),
                () -> downloading(h).equals(List.of(0, 1, 2)));
        assertThat(h.get(10).status().queuePosition()).isEqualTo(TORRENTS - 1);
        assertThat(client.torrents().get(0).infoHash()).isEqualTo(h.get(2).infoHash());

        h.get(1).pause();
        Await.until(Duration.ofSeconds(10), () -> "a paused torrent leaves its slot: " + downloading(h),
                () -> downloading(h).equals(List.of(0, 2, 3)));
    }

    @Test
    void stalledTorrentsStopHoldingSlotsSoTheQueueMovesOn() {
        List<Metainfo> torrents = torrents(6);
        TorrentClient client = clients.start(ClientConfig.loopback().withNetworkThreads(2)
                .withQueue(new QueueConfig(2, -1, Duration.ofSeconds(2))));
        List<TorrentHandle> h = addInOrder(client, torrents, AddOptions.defaults()); // no peers: all stall
        Await.until(Duration.ofSeconds(5), () -> "two start: " + downloading(h), () -> downloading(h).size() >= 2);
        assertThat(downloading(h).subList(0, 2)).containsExactly(0, 1);
        Await.until(Duration.ofSeconds(30), () -> "all run, stalled: " + downloading(h),
                () -> downloading(h).size() == 6);
        assertThat(h.get(0).status().stalled()).isTrue();
    }
}
