package dev.spate.metainfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Places a torrent's files: sanitises each path ({@link PathSanitizer}), puts it under the root
 * directory of a multi-file torrent, renames paths that would collide (a second
 * {@code foo/bar.txt} becomes {@code foo/bar.1.txt}; a file that has the name of another file's
 * directory is renamed the same way), and gives each file its offset in the torrent's byte
 * stream. Padding files are never written, so they take part in neither check.
 */
final class FileLayout {
    /** More files than this with one name are refused (libtorrent refuses such torrents too). */
    static final int MAX_DUPLICATES = 100;

    private FileLayout() {
    }

    static List<FileEntry> place(String root, boolean multiFile, List<RawFile> files, List<String> warnings) {
        List<List<String>> paths = new ArrayList<>(files.size());
        Set<String> directories = new HashSet<>();
        for (RawFile f : files) {
            List<String> path = fullPath(root, multiFile, f);
            paths.add(path);
            if (!f.padding()) {
                for (int i = 1; i < path.size(); i++) {
                    directories.add(String.join("/", path.subList(0, i)));
                }
            }
        }
        Set<String> taken = new HashSet<>();
        Map<String, Integer> nextSuffix = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            RawFile f = files.get(i);
            if (!f.padding()) {
                List<String> path = unique(paths.get(i), f, taken, directories, nextSuffix);
                paths.set(i, path);
                if (!path.equals(underRoot(root, multiFile, f.path()))) {
                    warnings.add(f.field() + ": path " + describe(f.path()) + " is written as " + Fields.quote(String.join("/", path)));
                }
            }
        }
        List<FileEntry> out = new ArrayList<>(files.size());
        long offset = 0;
        for (int i = 0; i < files.size(); i++) {
            RawFile f = files.get(i);
            List<String> path = paths.get(i);
            Optional<List<String>> target = Optional.ofNullable(f.symlink())
                    .map(t -> symlinkTarget(root, multiFile, path, t, taken, directories));
            out.add(new FileEntry(i, path, f.length(), offset, f.padding(), f.executable(), f.hidden(), target, f.piecesRoot()));
            try {
                offset = Math.addExact(offset, f.length());
            } catch (ArithmeticException e) {
                throw Fields.error(f.field() + ".length", "the total length of the torrent overflows");
            }
        }
        return List.copyOf(out);
    }

    /** Where a file goes: the root for a single-file torrent, else the root and its components. */
    private static List<String> underRoot(String root, boolean multiFile, List<String> components) {
        if (!multiFile) {
            return List.of(root);
        }
        List<String> path = new ArrayList<>(components.size() + 1);
        path.add(root);
        path.addAll(components);
        return path;
    }

    private static List<String> fullPath(String root, boolean multiFile, RawFile f) {
        if (f.padding() && !multiFile) {
            return PathSanitizer.path(f.path()); // v2-only single file: its tail padding
        }
        return underRoot(root, multiFile, PathSanitizer.path(f.path()));
    }

    /**
     * A symlink target, sanitised like a path. BEP 47 makes it relative to the torrent's root;
     * torrents in the wild also write it relative to the link's own directory, so when only that
     * reading names a file or directory of the torrent, it is the one taken (as libtorrent does).
     */
    private static List<String> symlinkTarget(String root, boolean multiFile, List<String> link, List<String> raw,
            Set<String> files, Set<String> directories) {
        List<String> components = new ArrayList<>();
        for (String c : raw) {
            String s = PathSanitizer.component(c);
            if (s != null) {
                components.add(s);
            }
        }
        List<String> fromRoot = multiFile ? underRoot(root, true, components) : components;
        if (fromRoot.isEmpty()) {
            return List.of(root);
        }
        if (!exists(fromRoot, files, directories) && link.size() > 1) {
            List<String> fromLink = new ArrayList<>(link.subList(0, link.size() - 1));
            fromLink.addAll(components);
            if (exists(fromLink, files, directories)) {
                return fromLink;
            }
        }
        return fromRoot;
    }

    private static boolean exists(List<String> path, Set<String> files, Set<String> directories) {
        String key = String.join("/", path);
        return files.contains(key) || directories.contains(key);
    }

    private static List<String> unique(List<String> path, RawFile f, Set<String> taken, Set<String> directories,
            Map<String, Integer> nextSuffix) {
        String key = String.join("/", path);
        if (!taken.contains(key) && !directories.contains(key)) {
            taken.add(key);
            return path;
        }
        String leaf = path.get(path.size() - 1);
        int dot = leaf.lastIndexOf('.');
        String base = dot > 0 ? leaf.substring(0, dot) : leaf;
        String ext = dot > 0 ? leaf.substring(dot) : "";
        String parent = key.substring(0, key.length() - leaf.length());
        int first = nextSuffix.getOrDefault(key, 1);
        for (int n = first; n <= MAX_DUPLICATES; n++) {
            String renamed = PathSanitizer.shorten(base + "." + n + ext, PathSanitizer.MAX_COMPONENT_BYTES);
            String candidate = parent + renamed;
            if (!taken.contains(candidate) && !directories.contains(candidate)) {
                taken.add(candidate);
                nextSuffix.put(key, n + 1);
                List<String> out = new ArrayList<>(path);
                out.set(out.size() - 1, renamed);
                return out;
            }
        }
        throw Fields.error(f.field() + ".path", "more than " + MAX_DUPLICATES + " files are named " + Fields.quote(key));
    }

    private static String describe(List<String> raw) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < raw.size() && i < 8; i++) {
            sb.append(i > 0 ? ", " : "").append(Fields.quote(raw.get(i)));
        }
        return sb.append(raw.size() > 8 ? ", ...]" : "]").toString();
    }
}
