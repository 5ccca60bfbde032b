package dev.spate.disk.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a torrent's files live: positional reads and writes by file index. The disk manager maps
 * pieces to {@code (file, offset, length)} spans with a {@code SpanCursor} and calls this for each.
 *
 * <p>Implementations are called from several disk threads at once (different pieces may touch the
 * same file), so every method must be thread-safe. Padding files (BEP 47) are handled here: never
 * created, read as zeros, and a write to one must be all zeros and is then discarded.
 *
 * <p>Errors are {@link IOException}s whose message says what failed; the caller adds the path from
 * {@link #describe(int)}. A full disk gives the JDK's own exception ("No space left on device").
 *
 * <p>Seam for part files (issue 5): the file index is opaque to the disk manager, so a decorator can
 * send the spans of skipped files to a part file keyed by piece; see the module's README.
 */
public interface Storage extends Closeable {

    /**
     * Reads exactly {@code dst.remaining()} bytes of the file starting at {@code offset} into
     * {@code dst}, advancing its position.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws java.io.EOFException              if the file ends before the range does
     */
    void read(int file, long offset, ByteBuffer dst) throws IOException;

    /** Writes all of {@code src} at {@code offset}, creating the file (sparse) if needed. */
    void write(int file, long offset, ByteBuffer src) throws IOException;

    /** The file's current size in bytes, or -1 when it does not exist. Padding files have their full size. */
    long size(int file) throws IOException;

    /**
     * A lease on the file's channel for a zero-copy send; the file stays open until the lease is
     * released, even if the handle is evicted meanwhile. Null when this storage has no channels
     * (memory) or for a padding file.
     */
    default ChannelLease leaseChannel(int file) throws IOException {
        return null;
    }

    /** The file as error messages should name it (a path for files on disk). */
    String describe(int file);

    /** Makes every write so far durable (fsync). */
    void flush() throws IOException;

    /** Flushes and releases every resource; later calls fail. */
    @Override
    void close() throws IOException;
}
