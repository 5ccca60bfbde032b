package dev.spate.discovery.interop;

import static dev.spate.interop.RealClients.ARIA2;
import static dev.spate.interop.RealClients.LIBTORRENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.Await;
import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import dev.spate.discovery.tracker.server.TrackerStats;
import dev.spate.interop.PayloadFiles;
import dev.spate.interop.PeerOptions;
import dev.spate.interop.RunningPeer;
import dev.spate.metainfo.TorrentBuilder;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients find each other through spate's embedded tracker and complete a transfer: an aria2
 * seeder and a libtorrent leecher, then the other way round. DHT, local discovery and PEX are off
 * in both, so the tracker is the only way they can meet. All on 127.0.0.1.
 */
@Tag("interop")
class RealClientsIT {
    static final int PAYLOAD_BYTES = 3 << 20;
    static final Duration TRANSFER_DEADLINE = Duration.ofMinutes(2);

    @TempDir
    Path dir;
    Path seedDir;
    Path leechDir;
    Path payload;
    EmbeddedTracker tracker;
    final List<RunningPeer> peers = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Installed.require(ARIA2, LIBTORRENT);
        seedDir = dir.resolve("seed");
        leechDir = dir.resolve("leech");
        payload = PayloadFiles.writeRandom(seedDir.resolve("payload.bin"), PAYLOAD_BYTES, 4);
        // A short interval, so that a seeder that announced first hears of the leecher soon.
        tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(0)
                .withBindAddress(InetAddress.getLoopbackAddress()).withInterval(Duration.ofSeconds(2)));
    }

    @AfterEach
    void tearDown() {
        peers.forEach(RunningPeer::close);
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void aria2SeedsAndLibtorrentLeechesThroughTheHttpTracker() throws Exception {
        Path torrent = makeTorrent(List.of(tracker.httpAnnounceUri()));
        RunningPeer seeder = started(ARIA2.seed(torrent, seedDir, PeerOptions.in(dir)));
        awaitSwarmOf(1, seeder);
        RunningPeer leecher = started(LIBTORRENT.leech(torrent, leechDir, PeerOptions.in(dir)));
        awaitCompletion(leecher, seeder);
        TrackerStats stats = tracker.stats();
        assertThat(stats.httpAnnounces()).as("both announced over HTTP").isGreaterThanOrEqualTo(2);
        assertThat(stats.swarms()).isEqualTo(1);
    }

    @Test
    void libtorrentSeedsOverUdpAndAria2LeechesOverHttpFromTheSameSwarm() throws Exception {
        // Tier 1 is UDP, which libtorrent uses. aria2 speaks UDP to trackers through its DHT socket
        // only; with DHT off it says "udp is not supported yet" and falls back to tier 2 (HTTP).
        // Both end up in the one swarm that the tracker's HTTP and UDP sides share.
        Path torrent = makeTorrent(List.of(tracker.udpAnnounceUri(), tracker.httpAnnounceUri()));
        RunningPeer seeder = started(LIBTORRENT.seed(torrent, seedDir, PeerOptions.in(dir)));
        awaitSwarmOf(1, seeder);
        assertThat(tracker.stats().udpAnnounces()).as("libtorrent announced over UDP").isPositive();
        RunningPeer leecher = started(ARIA2.leech(torrent, leechDir, PeerOptions.in(dir)));
        awaitCompletion(leecher, seeder);
        assertThat(tracker.stats().httpAnnounces()).as("aria2 announced over HTTP").isPositive();
    }

    /** A v1 torrent of the payload, 32 KiB pieces, one tracker tier per URI. */
    private Path makeTorrent(List<URI> trackers) throws Exception {
        TorrentBuilder builder = TorrentBuilder.of(payload).pieceLength(32 * 1024);
        trackers.forEach(t -> builder.tracker(t.toString()));
        return Files.write(dir.resolve("payload.torrent"), builder.build().toTorrentBytes());
    }

    private RunningPeer started(RunningPeer peer) {
        peers.add(peer);
        return peer;
    }

    private void awaitSwarmOf(int count, RunningPeer seeder) {
        Await.until("the seeder's announce", Duration.ofSeconds(60),
                () -> tracker.stats().peers() >= count || !seeder.isAlive());
        assertThat(seeder.isAlive()).as(seeder.describe()).isTrue();
    }

    private void awaitCompletion(RunningPeer leecher, RunningPeer seeder) throws Exception {
        assertThat(leecher.awaitComplete(TRANSFER_DEADLINE)).as("the leecher completes within "
                + TRANSFER_DEADLINE.toSeconds() + " s\n" + leecher.describe() + "\n" + seeder.describe()
                + "\ntracker: " + tracker.stats()).isTrue();
        assertThat(PayloadFiles.firstDifference(payload, leechDir.resolve("payload.bin"))).as("the downloaded bytes")
                .isEmpty();
    }
}
