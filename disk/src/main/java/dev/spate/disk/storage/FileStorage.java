package dev.spate.disk.storage;

import dev.spate.disk.layout.StorageLayout;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A torrent's files under a download directory, with positional {@link FileChannel} I/O.
 *
 * <ul>
 *   <li>Files and their parent directories are created on the first write, sparse: nothing is
 *       preallocated. Reads never create anything.
 *   <li>Open files come from a {@link FileHandlePool} (an LRU with a limit, shared by all torrents);
 *       the handle of a file is found without a lock, and counted while in use.
 *   <li>Padding files are never created; they read as zeros and accept only zeros.
 *   <li>Every path stays under the download directory: components are checked when this is built,
 *       and symbolic links are resolved and checked each time a file is opened
 *       ({@link PathEscapeException}).
 *   <li>{@link #flush()} fsyncs every file written since the last flush, even one whose handle was
 *       evicted meanwhile (it is reopened for the purpose).
 * </ul>
 * Thread-safe.
 */
public final class FileStorage implements Storage {

    private static final OpenOption[] READ = {StandardOpenOption.READ};
    private static final OpenOption[] WRITE = {StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.CREATE};
    private static final OpenOption[] WRITE_NEW = {StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.CREATE, LinkOption.NOFOLLOW_LINKS};

    private final Path root;
    private final Path[] paths;
    private final StorageLayout layout;
    private final FileHandlePool pool;
    private final AtomicReferenceArray<FileHandle> slots;
    private final AtomicIntegerArray dirty;
    private final FileHandlePool.Opener opener = this::openChannel;
    private volatile Path realRoot;
    private volatile boolean closed;

    /**
     * @param downloadDir where the files go; created on the first write
     * @param paths       each file's path as components relative to the download directory, in the
     *                    layout's file order (padding files' paths are not used)
     * @throws IllegalArgumentException if a path is empty, absolute, or has a "." or ".." component
     *                                  or a separator, naming the file and the component
     */
    public FileStorage(Path downloadDir, List<List<String>> paths, StorageLayout layout, FileHandlePool pool) {
        if (paths.size() != layout.fileCount()) {
            throw new IllegalArgumentException(paths.size() + " paths for " + layout.fileCount() + " files");
        }
        this.root = downloadDir.toAbsolutePath().normalize();
        this.layout = layout;
        this.pool = pool;
        this.paths = new Path[paths.size()];
        for (int i = 0; i < paths.size(); i++) {
            this.paths[i] = layout.isPadding(i) ? null : PathConfinement.resolve(root, paths.get(i), i);
        }
        this.slots = new AtomicReferenceArray<>(paths.size());
        this.dirty = new AtomicIntegerArray(paths.size());
    }

    public Path downloadDir() {
        return root;
    }

    /** The file's path; null for a padding file. */
    public Path path(int file) {
        return paths[file];
    }

    @Override
    public void read(int file, long offset, ByteBuffer dst) throws IOException {
        checkOpen();
        StorageRules.checkRange(layout, file, offset, dst.remaining());
        if (layout.isPadding(file)) {
            StorageRules.readPadding(dst);
            return;
        }
        FileHandle h = acquire(file, false);
        try {
            long position = offset;
            long end = offset + dst.remaining();
            while (dst.hasRemaining()) {
                int n = h.channel().read(dst, position);
                if (n < 0) {
                    throw new EOFException(describe(file) + ": the file has " + h.channel().size()
                            + " bytes, reading up to byte " + end);
                }
                position += n;
            }
        } finally {
            h.release();
        }
    }

    @Override
    public void write(int file, long offset, ByteBuffer src) throws IOException {
        checkOpen();
        StorageRules.checkRange(layout, file, offset, src.remaining());
        if (layout.isPadding(file)) {
            StorageRules.writePadding(src, describe(file));
            return;
        }
        FileHandle h = acquire(file, true);
        dirty.set(file, 1); // before writing, so a flush that starts after this write returns covers it
        try {
            long position = offset;
            while (src.hasRemaining()) {
                position += h.channel().write(src, position);
            }
        } finally {
            h.release();
        }
    }

    @Override
    public long size(int file) throws IOException {
        checkOpen();
        if (layout.isPadding(file)) {
            return layout.fileLength(file);
        }
        Path path = paths[file];
        try {
            PathConfinement.checkInside(realRoot(false), root, path);
            return Files.size(path);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    @Override
    public ChannelLease leaseChannel(int file) throws IOException {
        checkOpen();
        return layout.isPadding(file) ? null : acquire(file, false);
    }

    @Override
    public String describe(int file) {
        return paths[file] != null ? paths[file].toString() : root + " (padding file " + file + ")";
    }

    @Override
    public void flush() throws IOException {
        checkOpen();
        flushDirty();
    }

    /**
     * Creates the torrent's zero-length files, which no write ever touches (a complete download
     * has every file of the torrent). Blocking file I/O: call it off the network threads.
     */
    public void createEmptyFiles() throws IOException {
        createEmptyFiles(file -> true);
    }

    /** As {@link #createEmptyFiles()}, for the zero-length files {@code wanted} accepts (not skipped ones). */
    public void createEmptyFiles(java.util.function.IntPredicate wanted) throws IOException {
        for (int file = 0; file < paths.length; file++) {
            if (!layout.isPadding(file) && layout.fileLength(file) == 0 && wanted.test(file)) {
                acquire(file, true).release();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flushDirty();
        } finally {
            closed = true;
            pool.retireAll(this);
        }
    }

    private void flushDirty() throws IOException {
        for (int file = 0; file < paths.length; file++) {
            if (dirty.getAndSet(file, 0) == 1) {
                try {
                    FileHandle h = acquire(file, false);
                    try {
                        h.channel().force(false);
                    } finally {
                        h.release();
                    }
                } catch (IOException | RuntimeException e) {
                    dirty.set(file, 1);
                    throw e;
                }
            }
        }
    }

    FileHandle slot(int file) {
        return slots.get(file);
    }

    void setSlot(int file, FileHandle handle) {
        slots.set(file, handle);
    }

    void clearSlot(int file, FileHandle handle) {
        slots.compareAndSet(file, handle, null);
    }

    private FileHandle acquire(int file, boolean write) throws IOException {
        FileHandle h = slots.get(file);
        if (h != null && (h.writable || !write) && h.tryRetain()) {
            return h;
        }
        return pool.open(this, file, write, opener);
    }

    /** Called by the pool, under its lock, when the file is not open in the needed mode. */
    private FileChannel openChannel(int file, boolean write) throws IOException {
        checkOpen();
        Path path = paths[file];
        boolean exists = PathConfinement.checkInside(realRoot(write), root, path);
        if (write) {
            Files.createDirectories(path.getParent());
            FileChannel channel = FileChannel.open(path, exists ? WRITE : WRITE_NEW);
            try {
                extendSparse(channel, layout.fileLength(file));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return channel;
        }
        return FileChannel.open(path, READ);
    }

    /**
     * Gives a file its full length at once, as a sparse file (no blocks are allocated). Writes
     * that extend a file cost the filesystem far more than writes inside it (ext4 here: 16 KiB
     * appends run at a third of the speed of 16 KiB writes into a file already that long).
     */
    private static void extendSparse(FileChannel channel, long length) throws IOException {
        if (length > 0 && channel.size() < length) {
            channel.write(java.nio.ByteBuffer.allocate(1), length - 1);
        }
    }

    private Path realRoot(boolean create) throws IOException {
        Path real = realRoot;
        if (real == null) {
            if (create) {
                Files.createDirectories(root);
            }
            real = root.toRealPath();
            realRoot = real;
        }
        return real;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("storage under " + root + " is closed");
        }
    }
}
