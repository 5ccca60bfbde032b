package dev.spate.client;

import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Generated payloads and their torrents, for swarm tests. */
final class Payloads {
    private Payloads() {
    }

    /** Writes {@code length} seeded random bytes to {@code file}. */
    static void write(Path file, long length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] buf = new byte[64 * 1024];
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newOutputStream(file)) {
                long left = length;
                while (left > 0) {
                    random.nextBytes(buf);
                    int n = (int) Math.min(buf.length, left);
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Metainfo torrent(Path fileOrDirectory, int pieceLength) {
        try {
            return TorrentBuilder.of(fileOrDirectory).pieceLength(pieceLength).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True if every file under {@code expected} has the same bytes under {@code actual}. */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        try (var files = Files.walk(expected)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path other = actual.resolve(expected.relativize(f).toString());
                if (!Files.exists(other) || Files.mismatch(f, other) != -1) {
                    throw new AssertionError("file differs or is missing: " + other);
                }
            }
        }
    }
}
