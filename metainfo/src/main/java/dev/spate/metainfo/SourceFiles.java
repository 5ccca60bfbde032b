package dev.spate.metainfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a torrent is made from: one file, or every regular file below a directory (symlinks
 * are not followed), sorted by path components compared as UTF-8 bytes. That is the order of a
 * v2 file tree, so v1 and v2 lists of a hybrid agree, and it does not depend on the file system.
 */
record SourceFiles(String name, boolean multiFile, List<SourceFiles.Source> files) {

    /** One file: where it is, its path inside the torrent (relative to the root), its size. */
    record Source(Path file, List<String> path, long length) {
    }

    static SourceFiles scan(Path source) throws IOException {
        Path abs = source.toAbsolutePath().normalize();
        Path fileName = abs.getFileName();
        if (fileName == null) {
            throw new IOException(source + ": cannot make a torrent of a file system root");
        }
        String name = fileName.toString();
        if (Files.isRegularFile(abs)) {
            return new SourceFiles(name, false, List.of(new Source(abs, List.of(name), Files.size(abs))));
        }
        if (!Files.isDirectory(abs)) {
            throw new IOException(source + ": no such file or directory");
        }
        List<Source> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(abs)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    List<String> path = new ArrayList<>();
                    abs.relativize(p).forEach(c -> path.add(c.toString()));
                    files.add(new Source(p, List.copyOf(path), Files.size(p)));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException(source + ": the directory holds no files");
        }
        files.sort(Comparator.comparing(Source::path, SourceFiles::compareComponents));
        return new SourceFiles(name, true, List.copyOf(files));
    }

    long totalLength() {
        return files.stream().mapToLong(Source::length).sum();
    }

    static int compareComponents(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Arrays.compareUnsigned(a.get(i).getBytes(StandardCharsets.UTF_8), b.get(i).getBytes(StandardCharsets.UTF_8));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
