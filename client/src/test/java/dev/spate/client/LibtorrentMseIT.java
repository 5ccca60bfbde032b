package dev.spate.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spate requiring encryption and libtorrent forcing it (out_enc_policy and in_enc_policy forced,
 * allowed_enc_level rc4: {@code tools/lt_peer.py --encryption require}), each way, on 127.0.0.1.
 */
@Tag("interop")
class LibtorrentMseIT {
    @TempDir
    Path dir;
    MseInterop interop;

    @BeforeEach
    void setUp() throws Exception {
        InteropProcess.requireLibtorrent();
        interop = new MseInterop(dir, null);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (interop != null) {
            interop.close();
        }
    }

    private List<String> libtorrent(Path save, String... more) {
        List<String> cmd = new ArrayList<>(List.of(InteropProcess.PYTHON, InteropProcess.libtorrentPeer(),
                "--torrent", interop.torrentFile.toString(), "--save", save.toString(), "--encryption", "require",
                "--reannounce", "0", "--timeout", "150"));
        cmd.addAll(List.of(more));
        return cmd;
    }

    @Test
    void spateDownloadsFromLibtorrentThatForcesRc4() throws Exception {
        InteropProcess seeder = interop.start("libtorrent-seeder", libtorrent(interop.seedDir, "--seed"));
        MseInterop.awaitOutput(seeder, "\"state\": \"seeding\"", Duration.ofSeconds(60));
        Matcher port = Pattern.compile("\"port\": (\\d+)").matcher(seeder.output());
        if (!port.find()) {
            throw new AssertionError("no listening port: " + seeder.tail());
        }
        interop.spateDownloadsFrom(Integer.parseInt(port.group(1)), seeder);
    }

    @Test
    void libtorrentThatForcesRc4DownloadsFromSpate() throws Exception {
        TorrentClient seeder = interop.spate(false);
        seeder.add(interop.torrent, interop.seedDir).completion().get(30, java.util.concurrent.TimeUnit.SECONDS);
        Path leechDir = Files.createDirectories(dir.resolve("libtorrent-leech"));
        InteropProcess leecher = interop.start("libtorrent-leecher",
                libtorrent(leechDir, "--peer", "127.0.0.1:" + seeder.listenPort()));
        interop.awaitRealDownload(leecher, leechDir);
    }
}
