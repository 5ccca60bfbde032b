package dev.spate.discovery.dht.krpc;

import dev.spate.metainfo.bencode.BString;
import java.util.Optional;

/**
 * A datagram that is not a well-formed KRPC message. The only exception {@link KrpcCodec#decode}
 * throws. When the datagram got as far as a transaction id and said it was a query, both are kept,
 * so the node can answer with error 203 as BEP 5 asks.
 */
public final class KrpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient BString transaction;
    private final boolean query;

    public KrpcException(String message) {
        this(message, null, false);
    }

    KrpcException(String message, BString transaction, boolean query) {
        super(message);
        this.transaction = transaction;
        this.query = query;
    }

    /** The transaction id, if the message had a usable one. */
    public Optional<BString> transaction() {
        return Optional.ofNullable(transaction);
    }

    /** True if the message said it was a query ({@code y = q}). */
    public boolean isQuery() {
        return query;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Thrown for every bad datagram a hostile peer sends: the stack says nothing useful.
        return this;
    }
}
