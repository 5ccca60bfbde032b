package dev.spate.disk.storage;

import dev.spate.disk.layout.StorageLayout;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;

/**
 * A storage in heap arrays, for tests. A file exists once written (or {@link #put}), at its full
 * length, zeros where nothing was written. Padding behaves as in {@link FileStorage}. Each file must
 * fit in an array. Thread-safe (every call takes this object's lock).
 */
public final class MemoryStorage implements Storage {

    private final StorageLayout layout;
    private final byte[][] files;
    private boolean closed;

    public MemoryStorage(StorageLayout layout) {
        this.layout = layout;
        this.files = new byte[layout.fileCount()][];
        for (int i = 0; i < layout.fileCount(); i++) {
            if (layout.fileLength(i) > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("file " + i + " is too large for memory storage: "
                        + layout.fileLength(i) + " bytes");
            }
        }
    }

    /** Sets a file's content (a copy), as if it existed before the torrent was added. */
    public synchronized void put(int file, byte[] content) {
        if (content.length != layout.fileLength(file)) {
            throw new IllegalArgumentException("file " + file + " has " + layout.fileLength(file) + " bytes, not "
                    + content.length);
        }
        files[file] = content.clone();
    }

    /** A copy of the file's content; null if it does not exist. */
    public synchronized byte[] contents(int file) {
        return files[file] == null ? null : files[file].clone();
    }

    public synchronized boolean exists(int file) {
        return files[file] != null;
    }

    @Override
    public synchronized void read(int file, long offset, ByteBuffer dst) throws IOException {
        checkOpen();
        StorageRules.checkRange(layout, file, offset, dst.remaining());
        if (layout.isPadding(file)) {
            StorageRules.readPadding(dst);
            return;
        }
        byte[] data = files[file];
        if (data == null) {
            throw new NoSuchFileException(describe(file));
        }
        if (offset + dst.remaining() > data.length) {
            throw new EOFException(describe(file) + ": ends at byte " + data.length);
        }
        dst.put(data, (int) offset, dst.remaining());
    }

    @Override
    public synchronized void write(int file, long offset, ByteBuffer src) throws IOException {
        checkOpen();
        StorageRules.checkRange(layout, file, offset, src.remaining());
        if (layout.isPadding(file)) {
            StorageRules.writePadding(src, describe(file));
            return;
        }
        if (files[file] == null) {
            files[file] = new byte[(int) layout.fileLength(file)];
        }
        src.get(files[file], (int) offset, src.remaining());
    }

    @Override
    public synchronized long size(int file) throws IOException {
        checkOpen();
        if (layout.isPadding(file)) {
            return layout.fileLength(file);
        }
        return files[file] == null ? -1 : files[file].length;
    }

    @Override
    public String describe(int file) {
        return "memory:file" + file;
    }

    @Override
    public synchronized void flush() throws IOException {
        checkOpen();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("memory storage is closed");
        }
    }

    @Override
    public synchronized String toString() {
        return "MemoryStorage" + Arrays.toString(Arrays.stream(files).map(f -> f == null ? "-" : f.length + "B")
                .toArray());
    }
}
