package dev.spate.disk;

import dev.spate.disk.layout.SpanCursor;
import dev.spate.disk.storage.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Reads and writes a range of a piece through the storage, one call per file span. No copies, no allocation. */
final class SpanIo {

    /** An I/O error, the file it happened on, and whether it was a write. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final int file;
        final boolean write;

        Failure(int file, boolean write, IOException cause) {
            super(cause);
            this.file = file;
            this.write = write;
        }

        IOException io() {
            return (IOException) getCause();
        }
    }

    private SpanIo() {
    }

    /** Writes {@code data}'s remaining bytes at {@code [offset, +remaining)} of the piece; consumes them. */
    static void write(Storage storage, SpanCursor cursor, int piece, int offset, ByteBuffer data) throws Failure {
        transfer(storage, cursor, piece, offset, data, true);
    }

    /** Fills {@code dst}'s remaining bytes from {@code [offset, +remaining)} of the piece. */
    static void read(Storage storage, SpanCursor cursor, int piece, int offset, ByteBuffer dst) throws Failure {
        transfer(storage, cursor, piece, offset, dst, false);
    }

    private static void transfer(Storage storage, SpanCursor cursor, int piece, int offset, ByteBuffer buffer,
            boolean write) throws Failure {
        int start = buffer.position();
        int limit = buffer.limit();
        cursor.reset(piece, offset, limit - start);
        try {
            while (cursor.next()) {
                buffer.limit(start + cursor.position() + cursor.length()).position(start + cursor.position());
                try {
                    if (write) {
                        storage.write(cursor.file(), cursor.fileOffset(), buffer);
                    } else {
                        storage.read(cursor.file(), cursor.fileOffset(), buffer);
                    }
                } catch (IOException e) {
                    throw new Failure(cursor.file(), write, e);
                }
            }
        } finally {
            buffer.limit(limit).position(limit);
        }
    }
}
