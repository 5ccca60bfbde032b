package dev.spate.discovery.dht.krpc;

import dev.spate.metainfo.bencode.BString;
import java.util.Objects;

/** An error reply: BEP 5's code (201 generic, 202 server, 203 protocol, 204 method unknown) and text. */
public record KrpcError(BString transaction, int code, String message) implements KrpcMessage {
    public static final int GENERIC = 201;
    public static final int SERVER = 202;
    public static final int PROTOCOL = 203;
    public static final int METHOD_UNKNOWN = 204;

    public KrpcError {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(message, "message");
    }
}
