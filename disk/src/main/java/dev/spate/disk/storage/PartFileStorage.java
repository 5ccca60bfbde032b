package dev.spate.disk.storage;

import dev.spate.disk.layout.PieceRange;
import dev.spate.disk.layout.StorageLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Keeps skipped files from being created. The pieces at a skipped file's edges are shared with
 * wanted neighbours, and their bytes that fall in the skipped file are stored here instead: in one
 * part file per torrent, at a slot per piece (see {@link PartIndex}), so the part file holds edge
 * pieces only. Everything else passes to the wrapped storage.
 *
 * <p>A skipped file that already exists keeps its bytes where they are. One that does not is
 * "parted" (decided at its first I/O, on a disk thread): its spans go to the part file, and it
 * reads as its full length, the bytes of pieces never stored reading as zeros, so a check finds
 * those pieces absent rather than failing. When a parted file is wanted again, {@link
 * #unskip(int)} starts sending its new spans to the real file, and {@link #migrate(int, int)}
 * (run on each edge piece's disk thread) moves the bytes already stored there.
 *
 * <p>Threads: every span of a piece is read and written on the piece's disk thread, and so is its
 * migration, so one piece's slot never races itself; the index serialises its own changes.
 */
public final class PartFileStorage extends ForwardingStorage {
    private static final int WANTED = 0;
    private static final int SKIPPED_UNDECIDED = 1;
    private static final int SKIPPED_REAL = 2;
    private static final int PARTED = 3;

    private final StorageLayout layout;
    private final Path partFile;
    private final PartIndex index;
    private final AtomicIntegerArray states;
    private volatile FileChannel channel;
    /** Nothing skipped and no slot in use: every call goes straight to the wrapped storage. */
    private volatile boolean passThrough;
    private volatile boolean ready; // passThrough decided, after the index was loaded

    /**
     * @param partFile where the part file goes (its index is {@code partFile + ".index"}); created
     *                 only when a skipped file's bytes first need it
     */
    public PartFileStorage(Storage delegate, StorageLayout layout, Path partFile) {
        super(delegate);
        this.layout = layout;
        this.partFile = partFile;
        this.index = new PartIndex(partFile.resolveSibling(partFile.getFileName() + ".index"), layout.pieceLength());
        this.states = new AtomicIntegerArray(layout.fileCount());
    }

    /** Skips a file: if it does not exist yet, none of its bytes will create it. Any thread. */
    public void skip(int file) {
        synchronized (this) {
            passThrough = false;
            states.compareAndSet(file, WANTED, SKIPPED_UNDECIDED);
        }
    }

    /**
     * Wants a file again: its spans go to the real file from now on, except those of the pieces
     * whose slots still hold its bytes; returns those pieces, which the caller migrates, each on
     * its own disk thread. Any thread.
     */
    public List<Integer> unskip(int file) {
        states.set(file, WANTED);
        List<Integer> pieces = new ArrayList<>(2);
        PieceRange range = layout.filePieces(file);
        if (!range.isEmpty()) {
            for (int piece : new int[] {range.first(), range.end() - 1}) {
                PartIndex.Slot slot = index.get(piece);
                if (slot != null && slot.holds(file) && !pieces.contains(piece)) {
                    pieces.add(piece);
                }
            }
        }
        return pieces;
    }

    /** Moves the file's bytes of one piece from its slot to the real file. On the piece's disk thread. */
    public void migrate(int piece, int file) throws IOException {
        index.load();
        PartIndex.Slot slot = index.get(piece);
        if (slot == null || !slot.holds(file)) {
            return;
        }
        long pieceStart = layout.pieceStart(piece);
        long from = Math.max(pieceStart, layout.fileStart(file));
        long to = Math.min(pieceStart + layout.pieceSize(piece), layout.fileStart(file) + layout.fileLength(file));
        ByteBuffer buffer = ByteBuffer.allocate((int) (to - from));
        readSlot(slot, (int) (from - pieceStart), buffer);
        buffer.flip();
        delegate.write(file, from - layout.fileStart(file), buffer);
        index.remove(piece, file);
    }

    /** True while the file is skipped (whether or not its bytes go to the part file). */
    public boolean isSkipped(int file) {
        return states.get(file) != WANTED;
    }

    @Override
    public void read(int file, long offset, ByteBuffer dst) throws IOException {
        if (passThrough()) {
            delegate.read(file, offset, dst);
            return;
        }
        int piece = pieceOf(file, offset);
        PartIndex.Slot slot = route(file, piece);
        if (slot == null && states.get(file) != PARTED) {
            delegate.read(file, offset, dst);
        } else if (slot == null) {
            StorageRules.readPadding(dst); // nothing of this piece stored: it reads as absent
        } else {
            readSlot(slot, (int) (layout.fileStart(file) + offset - layout.pieceStart(piece)), dst);
        }
    }

    @Override
    public void write(int file, long offset, ByteBuffer src) throws IOException {
        if (passThrough()) {
            delegate.write(file, offset, src);
            return;
        }
        int piece = pieceOf(file, offset);
        PartIndex.Slot slot = route(file, piece);
        if (slot == null && states.get(file) != PARTED) {
            delegate.write(file, offset, src);
            return;
        }
        if (slot == null) {
            slot = index.add(piece, file);
        }
        long position = (long) slot.index() * layout.pieceLength() + layout.fileStart(file) + offset
                - layout.pieceStart(piece);
        FileChannel ch = channel(true);
        try {
            while (src.hasRemaining()) {
                position += ch.write(src, position);
            }
        } catch (IOException e) {
            throw new IOException(partFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long size(int file) throws IOException {
        if (passThrough()) {
            return delegate.size(file);
        }
        decide(file);
        return states.get(file) == PARTED ? layout.fileLength(file) : delegate.size(file);
    }

    @Override
    public ChannelLease leaseChannel(int file) throws IOException {
        if (passThrough()) {
            return delegate.leaseChannel(file);
        }
        int state = states.get(file);
        if (state == PARTED || state == SKIPPED_UNDECIDED || holdsAny(file)) {
            return null; // its bytes may be in the part file: read them through read()
        }
        return delegate.leaseChannel(file);
    }

    @Override
    public void flush() throws IOException {
        delegate.flush();
        FileChannel ch = channel;
        if (ch != null) {
            ch.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            delegate.close();
        } finally {
            synchronized (this) {
                FileChannel ch = channel;
                channel = null;
                if (ch != null) {
                    ch.force(false);
                    ch.close();
                }
                if (index.loadedAndEmpty()) {
                    Files.deleteIfExists(partFile);
                    index.delete();
                }
            }
        }
    }

    /**
     * True while no file is skipped and the part file holds nothing, the usual case: then this
     * storage costs a volatile read per call. Loads the index on the first call.
     */
    private boolean passThrough() throws IOException {
        if (!ready) {
            index.load();
            synchronized (this) {
                if (!ready) {
                    boolean skipped = false;
                    for (int f = 0; f < states.length(); f++) {
                        skipped |= states.get(f) != WANTED;
                    }
                    passThrough = !skipped && !index.hasSlots();
                    ready = true;
                }
            }
        }
        return passThrough;
    }

    /** The piece's slot if this span's bytes are (or go) there: null for the real file or a parted file's first write. */
    private PartIndex.Slot route(int file, int piece) throws IOException {
        index.load();
        decide(file);
        PartIndex.Slot slot = index.get(piece);
        return slot != null && slot.holds(file) ? slot : null;
    }

    /** A skipped file not decided yet is parted if it does not exist. Disk threads (it looks at the disk). */
    private void decide(int file) throws IOException {
        if (states.get(file) == SKIPPED_UNDECIDED) {
            int decided = delegate.size(file) < 0 && !layout.isPadding(file) ? PARTED : SKIPPED_REAL;
            states.compareAndSet(file, SKIPPED_UNDECIDED, decided);
        }
    }

    private boolean holdsAny(int file) {
        PieceRange range = layout.filePieces(file);
        if (range.isEmpty()) {
            return false;
        }
        PartIndex.Slot first = index.get(range.first());
        PartIndex.Slot last = index.get(range.end() - 1);
        return first != null && first.holds(file) || last != null && last.holds(file);
    }

    private void readSlot(PartIndex.Slot slot, int offsetInPiece, ByteBuffer dst) throws IOException {
        long position = (long) slot.index() * layout.pieceLength() + offsetInPiece;
        FileChannel ch = channel(false);
        try {
            while (dst.hasRemaining()) {
                int n = ch == null ? -1 : ch.read(dst, position);
                if (n < 0) {
                    StorageRules.readPadding(dst); // never written: the part file is sparse
                    return;
                }
                position += n;
            }
        } catch (IOException e) {
            throw new IOException(partFile + ": " + e.getMessage(), e);
        }
    }

    private int pieceOf(int file, long offset) {
        return (int) ((layout.fileStart(file) + offset) / layout.pieceLength());
    }

    private FileChannel channel(boolean create) throws IOException {
        FileChannel ch = channel;
        if (ch != null) {
            return ch;
        }
        synchronized (this) {
            if (channel == null && (create || Files.exists(partFile))) {
                Files.createDirectories(partFile.getParent());
                channel = FileChannel.open(partFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            }
            return channel;
        }
    }
}
