package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.discovery.tracker.TrackerStatus;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
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

/** Sources, magnet links waiting for metadata, seed limits, trackers in the status, handles after removal. */
class LifecycleTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final Clients clients = new Clients();


    private Metainfo payload(String name, long size) {
        Path file = tmp.resolve("seed").resolve(name);
        Payloads.write(file, size, name.hashCode());
        return Payloads.torrent(file, 32 * 1024);
    }

    @Test
    void everyKindOfSourceAddsTheSameTorrent() throws Exception {
        Metainfo m = payload("a.bin", 100_000);
        Path file = tmp.resolve("a.torrent");
        Files.write(file, m.toTorrentBytes());
        TorrentClient client = clients.loopback();
        TorrentHandle fromFile = client.add(TorrentSource.file(file), tmp.resolve("seed"));
        assertThat(client.add(TorrentSource.bytes(m.toTorrentBytes()), tmp.resolve("seed"))).isSameAs(fromFile);
        assertThat(client.add(TorrentSource.of(m), tmp.resolve("seed"))).isSameAs(fromFile);
        assertThat(client.add(TorrentSource.parse(file.toString()), tmp.resolve("seed"))).isSameAs(fromFile);
        assertThat(client.add(TorrentSource.parse(m.toMagnet().toString()), tmp.resolve("seed"))).isSameAs(fromFile);
        fromFile.completion().get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> client.add(TorrentSource.file(tmp.resolve("none.torrent")), tmp))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("none.torrent");
        Metainfo other = payload("a2.bin", 1000);
        assertThatThrownBy(() -> client.add(TorrentSource.of(other), tmp, AddOptions.defaults()
                .withFilePriority(3, FilePriority.SKIP))).isInstanceOf(IllegalArgumentException.class);
        assertThat(client.torrents()).hasSize(1);
    }

    @Test
    void aMagnetWaitsForItsMetadataAndDownloadsOnceTheMetadataLayerHandsItOver() throws Exception {
        Metainfo m = payload("b.bin", 300_000);
        TorrentClient seeder = clients.seeder(m, tmp.resolve("seed"));
        TorrentClient client = clients.loopback();
        List<TorrentEvent> events = new CopyOnWriteArrayList<>();
        client.subscribe(Runnable::run, events::add);
        TorrentHandle h = client.add(TorrentSource.magnet(m.toMagnet().toString()), tmp.resolve("leech"),
                AddOptions.defaults().withPeers(List.of(Clients.address(seeder))));
        assertThat(h.metainfo()).isEmpty();
        assertThat(h.name()).isEqualTo("b.bin"); // the link's display name
        Await.until(Duration.ofSeconds(5), "added", () -> !events.isEmpty());
        assertThat(h.status().state()).isEqualTo(TorrentState.FETCHING_METADATA);
        assertThat(h.status().files()).isEmpty();

        TorrentClient.internal(h).metadataReceived(m); // what the metadata exchange does once it has it
        h.completion().get(30, TimeUnit.SECONDS);
        assertThat(h.metainfo()).contains(m);
        assertThat(events).anyMatch(e -> e instanceof TorrentEvent.MetadataReceived r && r.totalBytes() == 300_000);
        Payloads.assertSameTree(tmp.resolve("seed"), tmp.resolve("leech"));
    }

    @Test
    void theMetadataOfAnotherTorrentIsRefused() {
        Metainfo m = payload("c.bin", 50_000);
        Metainfo other = payload("d.bin", 50_000);
        TorrentHandle h = clients.loopback().add(TorrentSource.magnet(m.toMagnet().toString()), tmp);
        assertThatThrownBy(() -> TorrentClient.internal(h).metadataReceived(other))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeedRatioStopsTheSeedAndASeedTimeCanRemoveIt() throws Exception {
        Metainfo m = payload("e.bin", 400_000);
        TorrentClient seederClient = clients.loopback();
        TorrentHandle seed = seederClient.add(TorrentSource.of(m), tmp.resolve("seed"),
                AddOptions.defaults().withLimits(TorrentLimits.NONE.withSeedRatio(1.0)));
        seed.completion().get(10, TimeUnit.SECONDS);
        assertThat(seed.status().state()).isEqualTo(TorrentState.SEEDING);

        TorrentClient leecherClient = clients.loopback();
        TorrentHandle leech = leecherClient.add(TorrentSource.of(m), tmp.resolve("leech"), AddOptions.defaults()
                .withPeers(List.of(Clients.address(seederClient)))
                .withLimits(TorrentLimits.NONE.withSeedTime(Duration.ZERO)
                        .withSeedLimitAction(SeedLimitAction.REMOVE)));
        leech.completion().get(30, TimeUnit.SECONDS);
        Await.until(Duration.ofSeconds(10), () -> "the leech removed: " + leech.status().state(),
                () -> leech.status().state() == TorrentState.REMOVED);
        assertThat(leecherClient.torrents()).isEmpty();
        Await.until(Duration.ofSeconds(10), () -> "the seed finished at ratio 1: " + seed.status(),
                () -> seed.status().state() == TorrentState.FINISHED);
        assertThat(seed.status().ratio()).isGreaterThanOrEqualTo(1.0);

        seed.resume(); // seeds again, past its limit, until the limit is changed
        Await.until(Duration.ofSeconds(10), "seeding again", () -> seed.status().state() == TorrentState.SEEDING);
    }

    @Test
    void trackersShowInTheStatusAndTheirErrorsAsEvents() throws Exception {
        Path file = tmp.resolve("seed/f.bin");
        Payloads.write(file, 10_000, 3);
        Metainfo m = TorrentBuilder.of(file).tracker("http://127.0.0.1:9/announce").build();
        TorrentClient client = clients.loopback();
        List<TorrentEvent> events = new CopyOnWriteArrayList<>();
        client.subscribe(Runnable::run, events::add);
        TorrentHandle h = client.add(m, tmp.resolve("seed"));
        Await.until(Duration.ofSeconds(20), () -> "a tracker error: " + h.status().trackers(),
                () -> events.stream().anyMatch(e -> e instanceof TorrentEvent.TrackerError));
        assertThat(h.status().trackers()).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(TrackerStatus.State.FAILING));
    }

    @Test
    void theStatusHasEachFileAndThePeers() throws Exception {
        Metainfo m = payload("g.bin", 200_000);
        TorrentClient seeder = clients.seeder(m, tmp.resolve("seed"));
        TorrentHandle h = clients.loopback().add(TorrentSource.of(m), tmp.resolve("leech"),
                AddOptions.defaults().withPeers(List.of(Clients.address(seeder))).withSequential(true));
        h.completion().get(30, TimeUnit.SECONDS);
        TorrentStatus s = h.status();
        assertThat(s.files()).singleElement().satisfies(f -> {
            assertThat(f.progress()).isEqualTo(1.0);
            assertThat(f.path()).isEqualTo(tmp.resolve("leech/g.bin"));
        });
        assertThat(s.etaSeconds()).isZero();
        assertThat(s.wantedBytes()).isEqualTo(200_000);
        Await.until(Duration.ofSeconds(5), () -> "downloaded counted: " + h.status(),
                () -> h.status().downloaded() >= 200_000);
    }
}
