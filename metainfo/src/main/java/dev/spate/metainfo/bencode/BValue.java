package dev.spate.metainfo.bencode;

/**
 * A bencoded value. Values produced by {@link BencodeDecoder} remember the span of input bytes
 * they were decoded from ({@link #start()} inclusive, {@link #end()} exclusive), so a digest can
 * be taken over the exact bytes of a dictionary (the info hash) rather than of a re-encoding.
 * Values built in code have no span: both offsets are -1.
 *
 * <p>Equality is by content only; spans never take part in it.
 */
public sealed interface BValue permits BString, BInteger, BList, BDict {

    /** Offset of this value's first byte in the decoded input, or -1 if built in code. */
    int start();

    /** Offset just past this value's last byte in the decoded input, or -1 if built in code. */
    int end();

    /** A short name of the type for error messages: "string", "integer", "list", "dictionary". */
    String typeName();
}
