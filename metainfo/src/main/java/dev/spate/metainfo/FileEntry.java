package dev.spate.metainfo;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a torrent, in torrent order, padding files included.
 *
 * @param index         position in {@link Metainfo#files()}
 * @param path          the components spate writes under the download directory, after
 *                      sanitising: for a multi-file torrent the first component is the torrent's
 *                      root directory. Never empty; no component is empty, {@code .}, {@code ..},
 *                      or holds a separator or a NUL.
 * @param length        bytes of the file (0 for a symlink)
 * @param offset        where the file starts in the torrent's byte stream (pieces span files)
 * @param padding       a BEP 47 padding file: zeros that are never written to disk
 * @param executable    BEP 47 attribute {@code x}
 * @param hidden        BEP 47 attribute {@code h}
 * @param symlinkTarget for a BEP 47 symlink, the target in the same form as {@code path}
 * @param piecesRoot    for a v2 or hybrid torrent, the 32-byte merkle root of a non-empty file;
 *                      otherwise null
 */
public record FileEntry(int index, List<String> path, long length, long offset, boolean padding,
        boolean executable, boolean hidden, Optional<List<String>> symlinkTarget, byte[] piecesRoot) {

    public FileEntry {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a file path has at least one component");
        }
        symlinkTarget = symlinkTarget.map(List::copyOf);
        piecesRoot = piecesRoot == null ? null : piecesRoot.clone();
    }

    public boolean isSymlink() {
        return symlinkTarget.isPresent();
    }

    /** The path joined with {@code /}, for display. */
    public String pathString() {
        return String.join("/", path);
    }

    /** The byte just past this file in the torrent's byte stream. */
    public long end() {
        return offset + length;
    }

    /** A copy of the v2 merkle root, or null. */
    @Override
    public byte[] piecesRoot() {
        return piecesRoot == null ? null : piecesRoot.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileEntry f && index == f.index && length == f.length && offset == f.offset
                && padding == f.padding && executable == f.executable && hidden == f.hidden
                && path.equals(f.path) && symlinkTarget.equals(f.symlinkTarget)
                && Arrays.equals(piecesRoot, f.piecesRoot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, path, length, offset) * 31 + Arrays.hashCode(piecesRoot);
    }

    @Override
    public String toString() {
        return "FileEntry[" + index + " " + pathString() + " " + length + "@" + offset
                + (padding ? " pad" : "") + (executable ? " x" : "") + (hidden ? " h" : "")
                + symlinkTarget.map(t -> " -> " + String.join("/", t)).orElse("") + "]";
    }
}
