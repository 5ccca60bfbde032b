package dev.spate.disk.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which slot of a part file holds which piece, and which skipped files' bytes of that piece it
 * holds. Kept in a small text file next to the part file ({@code spate-parts 1 <piece length>},
 * then {@code <piece> <slot> <file>,<file>...} per line), rewritten whole (to a temporary file,
 * then moved over) on every change, which happens only when an edge piece of a skipped file gets
 * its first bytes or gives them back. A slot's entry is immutable and replaced on change, so any
 * thread may read it; changes are serialised here.
 */
final class PartIndex {
    private static final String HEADER = "spate-parts 1 ";

    /** One piece's slot: where it lies in the part file, and the files whose bytes it holds. */
    record Slot(int index, BitSet files) {
        boolean holds(int file) {
            return files.get(file);
        }
    }

    private final Path path;
    private final int pieceLength;
    private final Map<Integer, Slot> slots = new ConcurrentHashMap<>();
    private final BitSet used = new BitSet(); // guarded by this
    private volatile boolean loaded; // written under this

    PartIndex(Path path, int pieceLength) {
        this.path = path;
        this.pieceLength = pieceLength;
    }

    /** Reads the index file once, if there is one. Blocking I/O: disk threads only. */
    void load() throws IOException {
        if (!loaded) {
            loadOnce();
        }
    }

    /** True once loaded with at least one slot. */
    boolean hasSlots() {
        return !slots.isEmpty();
    }

    private synchronized void loadOnce() throws IOException {
        if (loaded) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            loaded = true;
            return;
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER + pieceLength)) {
            throw new IOException(path + ": not a part file index for pieces of " + pieceLength + " bytes");
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            try {
                BitSet files = new BitSet();
                for (String file : f[2].split(",")) {
                    files.set(Integer.parseInt(file));
                }
                Slot slot = new Slot(Integer.parseInt(f[1]), files);
                slots.put(Integer.parseInt(f[0]), slot);
                used.set(slot.index());
            } catch (RuntimeException e) {
                throw new IOException(path + ": bad line '" + line + "'", e);
            }
        }
        loaded = true;
    }

    Slot get(int piece) {
        return slots.get(piece);
    }

    /** True once loaded with no slot left: the part file holds nothing. */
    synchronized boolean loadedAndEmpty() {
        return loaded && slots.isEmpty();
    }

    /** The piece's slot, now also holding {@code file}; a new slot if it had none. */
    synchronized Slot add(int piece, int file) throws IOException {
        Slot old = slots.get(piece);
        if (old != null && old.holds(file)) {
            return old;
        }
        BitSet files = old == null ? new BitSet() : (BitSet) old.files().clone();
        files.set(file);
        int index = old != null ? old.index() : used.nextClearBit(0);
        used.set(index);
        Slot slot = new Slot(index, files);
        slots.put(piece, slot);
        save();
        return slot;
    }

    /** {@code file} no longer keeps bytes in the piece's slot; the slot is freed when it holds nothing. */
    synchronized void remove(int piece, int file) throws IOException {
        Slot old = slots.get(piece);
        if (old == null || !old.holds(file)) {
            return;
        }
        BitSet files = (BitSet) old.files().clone();
        files.clear(file);
        if (files.isEmpty()) {
            slots.remove(piece);
            used.clear(old.index());
        } else {
            slots.put(piece, new Slot(old.index(), files));
        }
        save();
    }

    /** Deletes the index file (the part file is empty). */
    synchronized void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    private void save() throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append(pieceLength).append('\n');
        for (Map.Entry<Integer, Slot> e : new TreeMap<>(slots).entrySet()) {
            List<String> files = new ArrayList<>();
            e.getValue().files().stream().forEach(f -> files.add(Integer.toString(f)));
            out.append(e.getKey()).append(' ').append(e.getValue().index()).append(' ')
                    .append(String.join(",", files)).append('\n');
        }
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.createDirectories(path.getParent());
        Files.writeString(tmp, out, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
