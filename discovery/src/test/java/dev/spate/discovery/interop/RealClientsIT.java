package dev.spate.discovery.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.Await;
import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import dev.spate.discovery.tracker.server.TrackerStats;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    static final String ARIA2C = "/usr/bin/aria2c";
    static final int PAYLOAD_BYTES = 3 << 20;
    static final Duration TRANSFER_DEADLINE = Duration.ofMinutes(2);

    @TempDir
    Path dir;
    Path seedDir;
    Path leechDir;
    Path payload;
    EmbeddedTracker tracker;
    final List<ExternalProcess> processes = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Interop.requireProgram(ARIA2C);
        Interop.requireLibtorrent();
        seedDir = Files.createDirectories(dir.resolve("seed"));
        leechDir = Files.createDirectories(dir.resolve("leech"));
        payload = seedDir.resolve("payload.bin");
        byte[] data = new byte[PAYLOAD_BYTES];
        new Random(4).nextBytes(data);
        Files.write(payload, data);
        // A short interval, so that a seeder that announced first hears of the leecher soon.
        tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(0).withInterval(Duration.ofSeconds(2)));
    }

    @AfterEach
    void tearDown() {
        processes.forEach(ExternalProcess::close);
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void aria2SeedsAndLibtorrentLeechesThroughTheHttpTracker() throws Exception {
        Path torrent = makeTorrent(List.of(tracker.httpAnnounceUri()));
        ExternalProcess seeder = start("aria2c-seeder", aria2(torrent, seedDir, Interop.freePort(), true));
        awaitSwarmOf(1, seeder);
        ExternalProcess leecher = start("libtorrent-leecher", libtorrent("leech", torrent, leechDir,
                Interop.freePort()));
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
        ExternalProcess seeder = start("libtorrent-seeder", libtorrent("seed", torrent, seedDir, Interop.freePort()));
        awaitSwarmOf(1, seeder);
        assertThat(tracker.stats().udpAnnounces()).as("libtorrent announced over UDP").isPositive();
        ExternalProcess leecher = start("aria2c-leecher", aria2(torrent, leechDir, Interop.freePort(), false));
        awaitCompletion(leecher, seeder);
        assertThat(tracker.stats().httpAnnounces()).as("aria2 announced over HTTP").isPositive();
    }

    private Path makeTorrent(List<URI> trackers) throws Exception {
        Path torrent = dir.resolve("payload.torrent");
        ExternalProcess maker = start("make-torrent", List.of(Interop.PYTHON, script(), "make-torrent",
                payload.toString(), String.join(",", trackers.stream().map(URI::toString).toList()),
                torrent.toString()));
        assertThat(maker.waitForExit(Duration.ofSeconds(60))).as(maker.tail()).isTrue();
        assertThat(maker.exitValue()).as(maker.tail()).isZero();
        return torrent;
    }

    private static List<String> aria2(Path torrent, Path directory, int port, boolean seed) {
        List<String> cmd = new ArrayList<>(List.of(ARIA2C, "--no-conf=true", "--enable-dht=false",
                "--enable-dht6=false", "--bt-enable-lpd=false", "--enable-peer-exchange=false",
                "--interface=127.0.0.1", "--listen-port=" + port, "--disable-ipv6=true", "--bt-tracker-interval=1",
                "--summary-interval=1", "--console-log-level=notice", "--dir=" + directory));
        if (seed) {
            cmd.addAll(List.of("--check-integrity=true", "--seed-ratio=0.0"));
        } else {
            cmd.add("--seed-time=0");
        }
        cmd.add(torrent.toString());
        return cmd;
    }

    private List<String> libtorrent(String mode, Path torrent, Path directory, int port) throws URISyntaxException {
        return List.of(Interop.PYTHON, script(), mode, torrent.toString(), directory.toString(),
                Integer.toString(port));
    }

    private String script() throws URISyntaxException {
        return Path.of(RealClientsIT.class.getResource("/interop/lt_peer.py").toURI()).toString();
    }

    private ExternalProcess start(String name, List<String> command) throws IOException {
        ExternalProcess p = ExternalProcess.start(name, dir, command);
        processes.add(p);
        return p;
    }

    private void awaitSwarmOf(int peers, ExternalProcess seeder) {
        Await.until("the seeder's announce", Duration.ofSeconds(60),
                () -> tracker.stats().peers() >= peers || !seeder.isAlive());
        assertThat(seeder.isAlive()).as(seeder.tail()).isTrue();
    }

    private void awaitCompletion(ExternalProcess leecher, ExternalProcess seeder) throws Exception {
        boolean exited = leecher.waitForExit(TRANSFER_DEADLINE);
        assertThat(exited).as("the leecher completes within " + TRANSFER_DEADLINE.toSeconds() + " s\n"
                + leecher.tail() + "\n" + seeder.tail() + "\ntracker: " + tracker.stats()).isTrue();
        assertThat(leecher.exitValue()).as(leecher.tail()).isZero();
        assertThat(Files.readAllBytes(leechDir.resolve("payload.bin"))).as("the downloaded bytes")
                .isEqualTo(Files.readAllBytes(payload));
    }
}
