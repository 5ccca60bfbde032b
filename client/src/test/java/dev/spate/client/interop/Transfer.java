package dev.spate.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.client.PeerInfo;
import dev.spate.interop.Encryption;
import dev.spate.interop.LoopbackPorts;
import dev.spate.interop.PayloadFiles;
import dev.spate.interop.PeerOptions;
import dev.spate.interop.Poll;
import dev.spate.interop.RealClient;
import dev.spate.interop.RunningPeer;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One transfer of the matrix: a generated payload, its torrent (v1, naming one tracker), the
 * tracker, and the two ends, at least one of them spate. Each direction checks that the leecher
 * ends up with the payload's bytes and says how long it took, from the moment the leecher was up
 * (listening, torrent added) to its last verified piece.
 */
final class Transfer implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Duration ANNOUNCE_DEADLINE = Duration.ofSeconds(30);

    /** How long the leecher took, and the peers as the spate end saw them. */
    record Outcome(Duration took, List<PeerInfo> spateSaw) {
    }

    private final Path dir;
    private final Path seedDir;
    private final Path leechDir;
    private final Path payload;
    private final Metainfo metainfo;
    private final Path torrentFile;
    private final TrackerKind.CellTracker tracker;
    private final List<AutoCloseable> running = new ArrayList<>();

    private Transfer(Path dir, Path payload, Metainfo metainfo, Path torrentFile, TrackerKind.CellTracker tracker) {
        this.dir = dir;
        this.seedDir = dir.resolve("seed");
        this.leechDir = dir.resolve("leech");
        this.payload = payload;
        this.metainfo = metainfo;
        this.torrentFile = torrentFile;
        this.tracker = tracker;
    }

    /** Writes the payload under {@code dir/seed}, makes its torrent, starts the tracker. */
    static Transfer prepare(Path dir, Layout layout, PieceSize piece, TrackerKind kind) throws Exception {
        Path payload = layout.write(dir.resolve("seed"));
        int port = LoopbackPorts.free();
        Metainfo metainfo = TorrentBuilder.of(payload).pieceLength(piece.bytes())
                .tracker(kind.announceUri(port).toString()).build();
        Path torrentFile = Files.write(dir.resolve("payload.torrent"), metainfo.toTorrentBytes());
        return new Transfer(dir, payload, metainfo, torrentFile,
                kind.start(port, metainfo.infoHashes().primary(), dir.resolve("tracker")));
    }

    long totalBytes() {
        return metainfo.totalLength();
    }

    /** {@code client} seeds in plaintext, spate leeches. */
    Outcome toSpate(RealClient client) throws Exception {
        return toSpate(client, Encryption.PLAIN);
    }

    /** {@code client} seeds with the given encryption policy, spate leeches. */
    Outcome toSpate(RealClient client, Encryption encryption) throws Exception {
        RunningPeer seeder = keep(client.seed(torrentFile, seedDir,
                PeerOptions.in(dir.resolve("seeder")).withEncryption(encryption)));
        awaitAnnounced(seeder.describe());
        SpatePeer leecher = keep(SpatePeer.start("spate leecher", metainfo, leechDir));
        long start = System.nanoTime();
        boolean done = leecher.awaitComplete(DEADLINE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(done).as("spate completes from the %s within %d s\n%s\n%s\n%s", seeder.name(),
                DEADLINE.toSeconds(), leecher.describe(), seeder.describe(), tracker.describe()).isTrue();
        assertLeecherHasThePayload();
        return new Outcome(took, leecher.torrent().peers());
    }

    /** spate seeds, {@code client} leeches in plaintext. */
    Outcome fromSpate(RealClient client) throws Exception {
        return fromSpate(client, Encryption.PLAIN);
    }

    /** spate seeds, {@code client} leeches with the given encryption policy. */
    Outcome fromSpate(RealClient client, Encryption encryption) throws Exception {
        SpatePeer seeder = startSpateSeeder();
        RunningPeer leecher = keep(client.leech(torrentFile, leechDir,
                PeerOptions.in(dir.resolve("leecher")).withEncryption(encryption)));
        long start = System.nanoTime(); // the client is up and listening: its start-up is not the transfer
        if (!client.dialsLoopback()) {
            seeder.dial(leecher.port()); // it would hear of it at its next announce; a cell need not wait
        }
        boolean done = leecher.awaitComplete(DEADLINE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(done).as("the %s completes from spate within %d s\n%s\n%s\n%s", leecher.name(),
                DEADLINE.toSeconds(), leecher.describe(), seeder.describe(), tracker.describe()).isTrue();
        assertLeecherHasThePayload();
        return new Outcome(took, seeder.torrent().peers());
    }

    /** spate seeds, another spate leeches: they meet through the tracker only. */
    Outcome spateToSpate() throws Exception {
        SpatePeer seeder = startSpateSeeder();
        SpatePeer leecher = keep(SpatePeer.start("spate leecher", metainfo, leechDir));
        long start = System.nanoTime();
        boolean done = leecher.awaitComplete(DEADLINE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(done).as("spate completes from spate within %d s\n%s\n%s\n%s", DEADLINE.toSeconds(),
                leecher.describe(), seeder.describe(), tracker.describe()).isTrue();
        assertLeecherHasThePayload();
        return new Outcome(took, leecher.torrent().peers());
    }

    // ---- for swarms of more than two ----

    /** A spate leecher whose files go under {@code dir/name}. */
    SpatePeer startSpateLeecher(String name) {
        return keep(SpatePeer.start(name, metainfo, dir.resolve(name)));
    }

    /** A real client leeching in plaintext, its files under {@code dir/name}. */
    RunningPeer startLeecher(RealClient client, String name) throws Exception {
        return keep(client.leech(torrentFile, dir.resolve(name), PeerOptions.in(dir.resolve(name + "-work"))));
    }

    /** The files of the leecher called {@code name} are the payload's. */
    void assertHasThePayload(String name) throws Exception {
        Path copy = dir.resolve(name).resolve(seedDir.relativize(payload).toString());
        assertThat(PayloadFiles.firstDifference(payload, copy)).as("the bytes of %s", name).isEmpty();
    }

    String trackerState() {
        return tracker.describe();
    }

    SpatePeer startSpateSeeder() throws Exception {
        SpatePeer seeder = keep(SpatePeer.start("spate seeder", metainfo, seedDir));
        assertThat(seeder.awaitComplete(ANNOUNCE_DEADLINE)).as("spate checks its data: %s", seeder.describe())
                .isTrue();
        awaitAnnounced(seeder.describe());
        return seeder;
    }

    private void awaitAnnounced(String seeder) throws InterruptedException {
        assertThat(Poll.until(ANNOUNCE_DEADLINE, tracker::knowsASeeder))
                .as("the tracker hears from the seeder\n%s\n%s", seeder, tracker.describe()).isTrue();
    }

    private void assertLeecherHasThePayload() throws Exception {
        assertHasThePayload(leechDir.getFileName().toString());
    }

    private <T extends AutoCloseable> T keep(T resource) {
        running.add(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        tracker.close();
    }
}
