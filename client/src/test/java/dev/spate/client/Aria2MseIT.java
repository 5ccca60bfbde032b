package dev.spate.client;

import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spate requiring encryption and aria2 with {@code --bt-require-crypto=true
 * --bt-min-crypto-level=arc4}, each way, on 127.0.0.1. aria2 cannot be told a peer's address, so
 * when it downloads it finds spate through spate's embedded tracker.
 */
@Tag("interop")
class Aria2MseIT {
    static final String ARIA2C = "/usr/bin/aria2c";

    @TempDir
    Path dir;
    MseInterop interop;
    EmbeddedTracker tracker;

    @BeforeEach
    void setUp() throws Exception {
        InteropProcess.requireProgram(ARIA2C);
        tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(0)
                .withBindAddress(InetAddress.getLoopbackAddress()).withInterval(Duration.ofSeconds(1)));
        interop = new MseInterop(dir, tracker.httpAnnounceUri().toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (interop != null) {
            interop.close();
        }
        if (tracker != null) {
            tracker.close();
        }
    }

    private List<String> aria2(Path directory, int port, String... more) {
        List<String> cmd = new ArrayList<>(List.of(ARIA2C, "--no-conf=true", "--enable-dht=false",
                "--enable-dht6=false", "--bt-enable-lpd=false", "--enable-peer-exchange=false",
                "--interface=127.0.0.1", "--listen-port=" + port, "--disable-ipv6=true", "--bt-tracker-interval=1",
                "--bt-require-crypto=true", "--bt-min-crypto-level=arc4", "--summary-interval=1",
                "--console-log-level=notice", "--dir=" + directory));
        cmd.addAll(List.of(more));
        cmd.add(interop.torrentFile.toString());
        return cmd;
    }

    @Test
    void spateDownloadsFromAria2ThatRequiresCrypto() throws Exception {
        int port = InteropProcess.freePort();
        InteropProcess seeder = interop.start("aria2c-seeder",
                aria2(interop.seedDir, port, "--check-integrity=true", "--seed-ratio=0.0"));
        MseInterop.awaitOutput(seeder, "listening on TCP port " + port, Duration.ofSeconds(60));
        interop.spateDownloadsFrom(port, seeder);
    }

    @Test
    void aria2ThatRequiresCryptoDownloadsFromSpate() throws Exception {
        TorrentClient seeder = interop.spate(true);
        seeder.add(interop.torrent, interop.seedDir).completion().get(30, TimeUnit.SECONDS);
        Path leechDir = Files.createDirectories(dir.resolve("aria2-leech"));
        InteropProcess leecher = interop.start("aria2c-leecher",
                aria2(leechDir, InteropProcess.freePort(), "--seed-time=0"));
        interop.awaitRealDownload(leecher, leechDir);
    }
}
