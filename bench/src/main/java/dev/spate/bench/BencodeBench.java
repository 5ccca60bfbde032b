package dev.spate.bench;

import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeDecoder;
import dev.spate.metainfo.bencode.BencodeEncoder;
import dev.spate.metainfo.bencode.BencodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Bencode decoder throughput over real torrents: the shared upstream corpus (or test-torrents/
 * when it is absent; {@code -Dspate.corpus=DIR} picks another folder) and a generated multi-file
 * torrent of about 1 MB. The {@code megabytes} counter reads as MB/s; run with {@code -prof gc}
 * for bytes allocated per operation ({@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class BencodeBench {

    /** Decoded bytes, reported per second: MB/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public double megabytes;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
        }
    }

    byte[][] corpus;
    long corpusBytes;
    byte[] large;

    @Setup
    public void load() {
        corpus = corpusFiles().toArray(new byte[0][]);
        for (byte[] c : corpus) {
            corpusBytes += c.length;
        }
        large = largeTorrent(10_000, 42);
        System.out.printf("%nbench: %d corpus torrents, %d bytes; generated torrent %d bytes%n", corpus.length, corpusBytes, large.length);
    }

    @Benchmark
    public void decodeCorpus(Throughput t, Blackhole bh) {
        for (byte[] torrent : corpus) {
            bh.consume(BencodeDecoder.lenient().decode(torrent));
        }
        t.megabytes += corpusBytes / 1e6;
    }

    @Benchmark
    public BValue decodeLargeTorrent(Throughput t) {
        t.megabytes += large.length / 1e6;
        return BencodeDecoder.lenient().decode(large);
    }

    @Benchmark
    public BValue decodeLargeTorrentStrict(Throughput t) {
        t.megabytes += large.length / 1e6;
        return BencodeDecoder.strict().decode(large);
    }

    /** Decoding plus everything Metainfo checks (hashes, paths): the cost of opening a torrent. */
    @Benchmark
    public Metainfo parseLargeTorrent(Throughput t) {
        t.megabytes += large.length / 1e6;
        return Metainfo.parse(large);
    }

    /** The corpus files that decode (a benchmark of the error path would measure little). */
    static List<byte[]> corpusFiles() {
        Path dir = findCorpus();
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".torrent")).sorted()::iterator) {
                byte[] b = Files.readAllBytes(p);
                try {
                    BencodeDecoder.lenient().decode(b);
                    out.add(b);
                } catch (BencodeException e) {
                    // skip: not bencode
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("bench: corpus " + dir);
        return out;
    }

    private static Path findCorpus() {
        String configured = System.getProperty("spate.corpus");
        if (configured != null) {
            return Path.of(configured);
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/upstream-torrents"))) {
                return dir.resolve("shared/upstream-torrents");
            }
        }
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("test-torrents"))) {
                return dir.resolve("test-torrents");
            }
        }
        throw new IllegalStateException("no torrent corpus found; pass -Dspate.corpus=DIR");
    }

    /** A v1 multi-file torrent of {@code files} files in 100 directories, 256 KiB pieces. */
    static byte[] largeTorrent(int files, long seed) {
        Random r = new Random(seed);
        List<BValue> list = new ArrayList<>(files);
        long total = 0;
        for (int i = 0; i < files; i++) {
            long length = 1 + r.nextInt(1 << 19);
            total += length;
            list.add(BDict.builder().put("length", length)
                    .put("path", BList.of(BString.of("directory " + (i % 100)), BString.of("file number " + i + ".dat")))
                    .build());
        }
        int pieceLength = 1 << 18;
        byte[] pieces = new byte[(int) ((total + pieceLength - 1) / pieceLength) * 20];
        r.nextBytes(pieces);
        BDict info = BDict.builder().put("files", BList.of(list)).put("name", "a large generated torrent")
                .put("piece length", pieceLength).put("pieces", pieces).build();
        return BencodeEncoder.encode(BDict.builder().put("announce", "udp://tracker.invalid:6969/announce")
                .put("comment", "generated for BencodeBench").put("info", info).build());
    }
}
