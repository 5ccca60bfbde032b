package dev.spate.disk.storage;

import dev.spate.disk.layout.StorageLayout;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Rules every storage follows: ranges inside the file; BEP 47 padding files read zeros and accept only zeros. */
final class StorageRules {

    private StorageRules() {
    }

    /** Checks that {@code [offset, +length)} lies within the file; a range outside is a bug of the caller. */
    static void checkRange(StorageLayout layout, int file, long offset, int length) {
        long fileLength = layout.fileLength(file);
        if (offset < 0 || offset > fileLength - length) {
            throw new IllegalArgumentException("range [" + offset + ", +" + length + ") is outside file " + file
                    + " of " + fileLength + " bytes");
        }
    }

    /** Fills the rest of {@code dst} with zeros. */
    static void readPadding(ByteBuffer dst) {
        while (dst.remaining() >= Long.BYTES) {
            dst.putLong(0L);
        }
        while (dst.hasRemaining()) {
            dst.put((byte) 0);
        }
    }

    /** Consumes {@code src}, which must be all zeros. */
    static void writePadding(ByteBuffer src, String name) throws IOException {
        int start = src.position();
        while (src.remaining() >= Long.BYTES) {
            if (src.getLong() != 0L) {
                throw nonZero(name, start);
            }
        }
        while (src.hasRemaining()) {
            if (src.get() != 0) {
                throw nonZero(name, start);
            }
        }
    }

    private static IOException nonZero(String name, int start) {
        return new IOException(name + ": a padding file must be all zeros; the block written at buffer position "
                + start + " is not");
    }
}
