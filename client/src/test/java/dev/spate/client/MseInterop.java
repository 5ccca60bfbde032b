package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.handshake.EncryptionPolicy;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
import dev.spate.testkit.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the encrypted-connection interop tests share: a payload and its torrent, spate clients that
 * require encryption and record their connections, the real clients they start, cleanup.
 */
class MseInterop implements AutoCloseable {
    static final int PAYLOAD_BYTES = 6_000_000;
    static final int PIECE_LENGTH = 256 * 1024;
    static final Duration TRANSFER = Duration.ofMinutes(2);

    final Path dir;
    final Path seedDir;
    final Path payload;
    final Metainfo torrent;
    final Path torrentFile;
    final ObservedPeers spatePeers = new ObservedPeers();
    private final List<AutoCloseable> closeAtEnd = new ArrayList<>();

    /** A payload in {@code dir/seed}, and its torrent (announcing to {@code tracker} if not null). */
    MseInterop(Path dir, String tracker) throws IOException, InterruptedException {
        this.dir = dir;
        this.seedDir = Files.createDirectories(dir.resolve("seed"));
        this.payload = seedDir.resolve("payload.bin");
        Payloads.write(payload, PAYLOAD_BYTES, 11);
        TorrentBuilder builder = TorrentBuilder.of(payload).pieceLength(PIECE_LENGTH);
        this.torrent = (tracker == null ? builder : builder.tracker(tracker)).build();
        this.torrentFile = Files.write(dir.resolve("payload.torrent"), torrent.toTorrentBytes());
    }

    /** A spate client on 127.0.0.1 with encryption required. */
    TorrentClient spate(boolean announce) {
        ClientConfig config = ClientConfig.loopback().withNetworkThreads(2).toBuilder()
                .encryption(EncryptionPolicy.REQUIRE).announceEnabled(announce)
                .peerChannelHook(spatePeers::attach).build();
        return closeAtEnd(TorrentClient.create(config));
    }

    InteropProcess start(String name, List<String> command) throws IOException {
        return closeAtEnd(InteropProcess.start(name, dir, command));
    }

    <T extends AutoCloseable> T closeAtEnd(T resource) {
        closeAtEnd.add(resource);
        return resource;
    }

    /** spate, requiring encryption, downloads from the real client listening on {@code port}. */
    void spateDownloadsFrom(int port, InteropProcess seeder) throws Exception {
        Path leechDir = dir.resolve("spate-leech");
        TorrentHandle leech = spate(false).add(torrent, leechDir);
        leech.addPeer(new InetSocketAddress("127.0.0.1", port));
        try {
            leech.completion().get(TRANSFER.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("spate did not complete within " + TRANSFER + ": " + leech.status() + "\n"
                    + seeder.tail(), e);
        }
        assertThat(Files.mismatch(payload, leechDir.resolve("payload.bin"))).isEqualTo(-1L);
        assertEncrypted();
    }

    /** Waits for a real client's download to exit 0, then checks its copy. */
    void awaitRealDownload(InteropProcess leecher, Path leechDir) throws Exception {
        assertThat(leecher.waitForExit(TRANSFER)).as("the download ends within %s\n%s", TRANSFER, leecher.tail())
                .isTrue();
        assertThat(leecher.exitValue()).as(leecher.tail()).isZero();
        assertThat(Files.mismatch(payload, leechDir.resolve("payload.bin"))).isEqualTo(-1L);
        assertEncrypted();
    }

    /** Every connection spate made or took went through RC4. */
    void assertEncrypted() {
        assertThat(spatePeers.ciphered).as("spate's connections").isNotEmpty().containsOnly(true);
        assertThat(spatePeers.fileRegions).as("no zero-copy through RC4").hasValue(0);
    }

    /** Waits until {@code process} has printed {@code text}. */
    static void awaitOutput(InteropProcess process, String text, Duration timeout) {
        Await.until(timeout, () -> "'" + text + "' from " + process.tail(),
                () -> process.output().contains(text) || !process.isAlive());
        assertThat(process.isAlive()).as(process.tail()).isTrue();
    }

    @Override
    public void close() throws Exception {
        for (int i = closeAtEnd.size() - 1; i >= 0; i--) {
            closeAtEnd.get(i).close();
        }
    }
}
