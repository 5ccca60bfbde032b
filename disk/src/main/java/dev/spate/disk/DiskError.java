package dev.spate.disk;

import dev.spate.disk.storage.PathEscapeException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * A disk operation that failed, for the user to see: what, where, and why.
 *
 * @param kind      what went wrong, so callers can react (a full disk pauses the torrent)
 * @param operation what the disk was doing
 * @param piece     the piece concerned, or -1; after a failed write its progress is gone and all its
 *                  blocks must be requested again
 * @param path      the file, as the storage names it; null for {@link Kind#CLOSED}
 * @param reason    the underlying message
 * @param cause     the exception, for logs; null for {@link Kind#CLOSED}
 */
public record DiskError(Kind kind, Operation operation, int piece, String path, String reason, IOException cause) {

    public enum Kind {
        DISK_FULL, FILE_MISSING, ACCESS_DENIED, OUTSIDE_DOWNLOAD_DIR, IO, CLOSED
    }

    public enum Operation {
        WRITE, READ, CHECK, FLUSH, CLOSE
    }

    static DiskError of(Operation operation, int piece, String path, IOException e) {
        return new DiskError(classify(e), operation, piece, path, String.valueOf(e.getMessage()), e);
    }

    static DiskError closed(Operation operation, int piece) {
        return new DiskError(Kind.CLOSED, operation, piece, null, "the torrent's storage is closed", null);
    }

    /** One line for the user: {@code disk full: writing piece 7 to /dl/a.iso (No space left on device)}. */
    public String message() {
        String what = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String doing = operation.name().toLowerCase(Locale.ROOT) + (piece >= 0 ? " of piece " + piece : "");
        return what + ": " + doing + (path != null ? " at " + path : "") + " (" + reason + ")";
    }

    static Kind classify(IOException e) {
        if (e instanceof PathEscapeException) {
            return Kind.OUTSIDE_DOWNLOAD_DIR;
        }
        if (e instanceof NoSuchFileException) {
            return Kind.FILE_MISSING;
        }
        if (e instanceof AccessDeniedException) {
            return Kind.ACCESS_DENIED;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("not enough space on the disk")
                    || m.contains("Disk quota exceeded"))) {
                return Kind.DISK_FULL;
            }
        }
        return Kind.IO;
    }

    @Override
    public String toString() {
        return "DiskError[" + message() + "]";
    }
}
