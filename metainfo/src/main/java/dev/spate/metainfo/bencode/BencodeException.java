package dev.spate.metainfo.bencode;

import dev.spate.metainfo.MetainfoException;

/** Bencoded input that does not decode; names the byte offset and the reason. */
public final class BencodeException extends MetainfoException {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String reason;

    public BencodeException(int offset, String reason) {
        super("bencode error at byte " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** Offset of the offending byte in the input. */
    public int offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
