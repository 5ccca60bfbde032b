package dev.spate.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Generated payloads for swarms on 127.0.0.1, and the check that a peer ended up with the same bytes. */
public final class PayloadFiles {
    private static final int CHUNK = 64 * 1024;

    private PayloadFiles() {
    }

    /** Writes {@code length} pseudo-random bytes, the same for the same {@code seed}, to {@code file}. */
    public static Path writeRandom(Path file, long length, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = length; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    /**
     * Writes a folder of files, given as relative path to length (zero-length files included),
     * each with its own seed derived from {@code seed}.
     */
    public static Path writeTree(Path root, Map<String, Long> files, long seed) throws IOException {
        long n = 0;
        for (Map.Entry<String, Long> f : files.entrySet()) {
            writeRandom(root.resolve(f.getKey()), f.getValue(), seed * 1_000 + n++);
        }
        return root;
    }

    /**
     * The first file under {@code expected} that is missing under {@code actual} or whose bytes
     * differ there, described; empty when every file matches. {@code expected} may be one file.
     */
    public static Optional<String> firstDifference(Path expected, Path actual) throws IOException {
        if (Files.isRegularFile(expected)) {
            return differs(expected, actual);
        }
        try (Stream<Path> files = Files.walk(expected)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                Optional<String> d = differs(f, actual.resolve(expected.relativize(f).toString()));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> differs(Path expected, Path actual) throws IOException {
        if (!Files.isRegularFile(actual)) {
            return Optional.of(actual + " is missing");
        }
        long at = Files.mismatch(expected, actual);
        if (at == -1) {
            return Optional.empty();
        }
        return Optional.of(actual + " differs from " + expected + " from byte " + at + " (sizes "
                + Files.size(expected) + " and " + Files.size(actual) + ")");
    }
}
