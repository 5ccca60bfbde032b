package dev.spate.discovery.dht.krpc;

import dev.spate.metainfo.bencode.BString;

/**
 * Bytes to KRPC messages and back. Decoding is bounded before it allocates: a datagram over
 * {@link #MAX_MESSAGE_BYTES} is refused unread, bencode nesting is capped, and every string the
 * message keeps (transaction id, token) has a length cap, so a hostile datagram costs a small
 * multiple of its own size and gives a {@link KrpcException}, never another exception.
 */
public final class KrpcCodec {
    /**
     * The largest datagram read. BEP 32 asks nodes to send at most 1024 bytes and to take larger
     * ones where they can; real replies stay under 1500.
     */
    public static final int MAX_MESSAGE_BYTES = 4096;
    /** Nesting deeper than any KRPC message needs (message, arguments, list, string). */
    public static final int MAX_DEPTH = 8;
    public static final int MAX_TRANSACTION_BYTES = 16;
    public static final int MAX_TOKEN_BYTES = 64;
    /** Peers kept from one {@code values} list; the rest are ignored. */
    public static final int MAX_VALUES = 200;

    private KrpcCodec() {
    }

    /** Decodes one datagram's payload, {@code data[off, off + length)}. */
    public static KrpcMessage decode(byte[] data, int off, int length) {
        return KrpcDecoder.decode(data, off, length);
    }

    public static KrpcMessage decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    /** Encodes a message as BEP 5 shows it, without a {@code v} key. */
    public static byte[] encode(KrpcMessage message) {
        return KrpcEncoder.encode(message, null);
    }

    /** Encodes a message with {@code v}, the client version (BEP 5: two letters and two version bytes). */
    public static byte[] encode(KrpcMessage message, BString version) {
        return KrpcEncoder.encode(message, version);
    }
}
