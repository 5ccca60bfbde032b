package dev.spate.metainfo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds test data that lives outside the module: the shared upstream torrent corpus (beside the
 * checkout) and the repository's {@code test-torrents/} folder.
 */
public final class Corpus {
    private Corpus() {
    }

    /**
     * {@code shared/upstream-torrents}, looked for in the parents of the working directory (a
     * checkout in {@code /work/main} finds {@code /work/shared}; a worktree in
     * {@code /work/wt/x} looks one level further up). Empty if it is not there.
     */
    public static Optional<Path> upstreamTorrents() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 5 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("upstream-torrents");
            if (Files.isRegularFile(candidate.resolve("EXPECTED.tsv"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The repository's {@code test-torrents/} folder (tests run in a module directory). */
    public static Path testTorrents() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("metainfo"))) {
                return dir.resolve("test-torrents");
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    /** Every {@code .torrent} file below {@code dir}, sorted. */
    public static List<Path> torrentsIn(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".torrent")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
