package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.client.store.SessionStore;
import dev.spate.client.store.StoredTorrent;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
import dev.spate.protocol.FilePiece;
import dev.spate.protocol.WireMessage;
import dev.spate.testkit.Await;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, with a real process: {@code spate download} runs as a child JVM and is killed with
 * SIGKILL again and again at random moments (during its check, mid-transfer), then left to finish.
 * After every kill, each piece the session calls verified must be on disk and correct; after every
 * restart, the seeder must not send a single block of a piece the child had reported verified
 * before; and at the end the files must be the seeder's, byte for byte.
 */
class KillNineIT {
    /** Blocks to wait for before each kill; -1: kill as soon as the child speaks (it is checking its data). */
    private static final int[] KILL_AFTER = {13, -1, 24, 5, -1, 19, 1};
    private static final int KILLS = KILL_AFTER.length;
    private static final int PIECE = 64 * 1024;
    private static final long[] SIZES = {5_000_000, 3_000_001, 4_500_000};
    private static final Pattern VERIFIED = Pattern.compile("\"type\":\"piece_verified\".*\"piece\":(\\d+)");

    @TempDir
    Path tmp;

    @RegisterExtension
    final Clients clients = new Clients();
    /** Pieces the seeder sent, by run of the child (the run current when the connection was made). */
    private final List<Set<Integer>> sentByRun = new CopyOnWriteArrayList<>();
    private volatile int run;


    /** On the seeder's peer channels: notes each piece message as it goes out, under the run it belongs to. */
    private final class PieceSpy extends ChannelOutboundHandlerAdapter {
        private final int connectedInRun = run;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            int piece = msg instanceof WireMessage.Piece p ? p.piece() : msg instanceof FilePiece f ? f.piece() : -1;
            if (piece >= 0) {
                sentByRun.get(connectedInRun).add(piece);
            }
            ctx.write(msg, promise);
        }
    }

    @Test
    void killedRepeatedlyTheDownloadLosesNoVerifiedPieceAndFinishesCorrect() throws Exception {
        Path seedRoot = tmp.resolve("seed/set");
        for (int i = 0; i < SIZES.length; i++) {
            Payloads.write(seedRoot.resolve("f" + i), SIZES[i], 90 + i);
        }
        Metainfo torrent = TorrentBuilder.of(seedRoot).pieceLength(PIECE).build();
        Path torrentFile = tmp.resolve("set.torrent");
        Files.write(torrentFile, torrent.toTorrentBytes());
        for (int i = 0; i <= KILLS; i++) {
            sentByRun.add(ConcurrentHashMap.newKeySet());
        }
        TorrentClient seeder = clients.start(ClientConfig.loopback().toBuilder().networkThreads(2)
                .uploadRateLimit(3 << 20)
                .peerChannelHook(ch -> ch.pipeline().addAfter("wire-encoder", "spy", new PieceSpy())).build());
        seeder.add(torrent, tmp.resolve("seed")).completion().get(30, TimeUnit.SECONDS);

        BitSet reported = new BitSet(); // pieces the child said were verified, in any run so far
        for (run = 0; run < KILLS; run++) {
            Child child = Child.start(torrentFile, tmp, seeder.listenPort());
            int wait = KILL_AFTER[run];
            int before = reported.cardinality();
            Await.until(Duration.ofSeconds(60), () -> "run " + run + ": " + wait + " pieces; " + child.log(),
                    () -> wait < 0 ? child.lines() > 0 : child.verified().cardinality() >= wait || !child.alive());
            child.kill();
            assertThat(child.exitCode()).as("killed, not finished: " + child.log()).isEqualTo(137);
            assertNoPieceFetchedAgain(reported, run);
            reported.or(child.verified());
            assertStoredPiecesAreOnDiskAndCorrect(torrent, seedRoot);
            System.out.printf("KillNineIT: run %d killed after %d new pieces (asked %d), %d reported in all%n", run,
                    reported.cardinality() - before, wait, reported.cardinality());
        }
        Child last = Child.start(torrentFile, tmp, seeder.listenPort());
        assertThat(last.waitFor(120)).as("the last run finishes: " + last.log()).isZero();
        assertNoPieceFetchedAgain(reported, run);
        Payloads.assertSameTree(tmp.resolve("seed"), tmp.resolve("dl"));
        Set<Integer> seen = new java.util.HashSet<>();
        int again = 0;
        for (Set<Integer> sent : sentByRun) {
            for (int p : sent) {
                again += seen.contains(p) ? 1 : 0;
            }
            seen.addAll(sent);
        }
        System.out.printf("KillNineIT: %d kills; %d of %d pieces reported verified before the last run, none fetched"
                + " again; %d pieces sent in more than one run (in flight, unverified, when a run was killed)%n",
                KILLS, reported.cardinality(), torrent.pieceCount(), again);
    }

    /** The seeder sent no block of a piece the child had already reported verified, on this run's connections. */
    private void assertNoPieceFetchedAgain(BitSet reportedBefore, int thisRun) {
        for (int piece : sentByRun.get(thisRun)) {
            assertThat(reportedBefore.get(piece)).as("run %d fetched piece %d, verified in an earlier run", thisRun,
                    piece).isFalse();
        }
    }

    /** Every piece the session's resume data calls verified is on disk with the seeder's bytes. */
    private void assertStoredPiecesAreOnDiskAndCorrect(Metainfo torrent, Path seedRoot) throws Exception {
        Path state = tmp.resolve("state");
        if (!Files.exists(state.resolve(SessionStore.FILE_NAME))) {
            return;
        }
        BitSet stored;
        try (SessionStore store = SessionStore.open(state, Duration.ofMillis(10))) {
            stored = store.load(torrent.infoHashes().primary().toHex()).get().flatMap(StoredTorrent::resume)
                    .map(r -> r.verified()).orElse(new BitSet());
        }
        Path leechRoot = tmp.resolve("dl/set");
        for (int p = stored.nextSetBit(0); p >= 0; p = stored.nextSetBit(p + 1)) {
            long start = (long) p * PIECE;
            int length = (int) Math.min(PIECE, torrent.totalLength() - start);
            assertThat(read(leechRoot, start, length)).as("stored-as-verified piece %d on disk", p)
                    .isEqualTo(read(seedRoot, start, length));
        }
    }

    /** Bytes {@code [start, +length)} of the files f0, f1, f2 laid end to end. */
    private static byte[] read(Path root, long start, int length) throws IOException {
        byte[] out = new byte[length];
        long fileStart = 0;
        for (int i = 0; i < SIZES.length; i++) {
            long from = Math.max(start, fileStart);
            long to = Math.min(start + length, fileStart + SIZES[i]);
            if (to > from) {
                try (RandomAccessFile f = new RandomAccessFile(root.resolve("f" + i).toFile(), "r")) {
                    f.seek(from - fileStart);
                    f.readFully(out, (int) (from - start), (int) (to - from));
                }
            }
            fileStart += SIZES[i];
        }
        return out;
    }

    /** {@code spate download --json} in a child JVM, its stdout read line by line. */
    private static final class Child {
        private final Process process;
        private final BitSet verified = new BitSet();
        private final StringBuilder log = new StringBuilder();
        private final Thread reader;
        private int lines;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "kill9-child-stdout");
            reader.start();
        }

        static Child start(Path torrentFile, Path tmp, int seederPort) throws IOException {
            Path target = Path.of("target");
            String classpath = target.resolve("classes") + java.io.File.pathSeparator
                    + Files.readString(target.resolve("classpath.txt")).strip();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", classpath, "dev.spate.cli.Main",
                    "download", torrentFile.toString(), "-d", tmp.resolve("dl").toString(), "--port", "0",
                    "--peer", "127.0.0.1:" + seederPort, "--state-dir", tmp.resolve("state").toString(), "--json",
                    "-q");
            pb.redirectError(ProcessBuilder.Redirect.appendTo(tmp.resolve("child-stderr.txt").toFile()));
            return new Child(pb.start());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (this) {
                        lines++;
                        Matcher m = VERIFIED.matcher(line);
                        if (m.find()) {
                            verified.set(Integer.parseInt(m.group(1)));
                        } else if (!line.contains("checking_progress")) {
                            log.append(line, 0, Math.min(line.length(), 160)).append('\n');
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }

        synchronized int lines() {
            return lines;
        }

        synchronized BitSet verified() {
            return (BitSet) verified.clone();
        }

        synchronized String log() {
            return log.toString();
        }

        boolean alive() {
            return process.isAlive();
        }

        /** SIGKILL, then waits for the process and for the last of its output. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }

        int exitCode() {
            return process.exitValue();
        }

        int waitFor(int seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            reader.join(10_000);
            return process.exitValue();
        }
    }
}
