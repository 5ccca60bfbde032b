package dev.spate.disk.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps every file of a torrent inside its download directory: path components are checked when
 * the storage is built (no "..", no separators, nothing absolute), and each time a file is opened
 * the deepest part of its path that already exists is resolved through symbolic links and must
 * still lie under the download directory's real path.
 */
final class PathConfinement {

    private PathConfinement() {
    }

    /**
     * The file's path under {@code root}, checked lexically.
     *
     * @throws IllegalArgumentException naming the file and component that is not allowed
     */
    static Path resolve(Path root, List<String> components, int file) {
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("files[" + file + "].path: empty");
        }
        Path path = root;
        for (int i = 0; i < components.size(); i++) {
            String c = components.get(i);
            String where = "files[" + file + "].path[" + i + "]: ";
            if (c == null || c.isEmpty()) {
                throw new IllegalArgumentException(where + "empty component");
            }
            if (c.equals(".") || c.equals("..")) {
                throw new IllegalArgumentException(where + '"' + c + "\" is not allowed");
            }
            if (c.indexOf('/') >= 0 || c.indexOf('\\') >= 0 || c.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(where + '"' + c + "\" contains a path separator or NUL");
            }
            Path next = path.resolve(c);
            if (!path.equals(next.getParent())) {
                throw new IllegalArgumentException(where + '"' + c + "\" is not a plain file name");
            }
            path = next;
        }
        return path;
    }

    /**
     * Checks that {@code path}, resolved through any symbolic links that exist now, is under
     * {@code realRoot} (the download directory's real path).
     *
     * @return whether the file itself exists (when it does not, open it without following links,
     *         so a link planted after this check is not followed either)
     * @throws PathEscapeException if it is not, or if a symbolic link on the way points nowhere
     */
    static boolean checkInside(Path realRoot, Path root, Path path) throws IOException {
        Path existing = path;
        while (existing != null && !existing.equals(root) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null || existing.equals(root)) {
            return false; // nothing below the download directory exists yet
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (NoSuchFileException e) {
            throw new PathEscapeException(path.toString(), existing + " is a symbolic link to nothing");
        }
        if (!real.startsWith(realRoot)) {
            throw new PathEscapeException(path.toString(),
                    existing + " resolves to " + real + ", outside the download directory " + realRoot);
        }
        return existing.equals(path);
    }
}
