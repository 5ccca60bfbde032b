package dev.spate.client;

/** A torrent stopped on an error the user must see (its message says what and where). */
public final class TorrentFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TorrentFailedException(String message) {
        super(message);
    }
}
