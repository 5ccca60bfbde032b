package dev.spate.metainfo;

/**
 * The one error type the metainfo module throws for bad input: bencode that does not decode, a
 * torrent that fails validation, a magnet link that does not parse. Its message is written for
 * the user and names what was wrong (a byte offset, a field, a parameter).
 */
public class MetainfoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetainfoException(String message) {
        super(message);
    }

    public MetainfoException(String message, Throwable cause) {
        super(message, cause);
    }
}
