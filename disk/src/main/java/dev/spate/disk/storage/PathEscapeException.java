package dev.spate.disk.storage;

import java.nio.file.FileSystemException;

/** A file of the torrent would resolve outside the download directory, through a symbolic link. */
public final class PathEscapeException extends FileSystemException {

    private static final long serialVersionUID = 1L;

    public PathEscapeException(String file, String reason) {
        super(file, null, reason);
    }
}
