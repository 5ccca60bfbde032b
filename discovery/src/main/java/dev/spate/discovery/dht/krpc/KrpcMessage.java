package dev.spate.discovery.dht.krpc;

import dev.spate.metainfo.bencode.BString;

/**
 * One KRPC message (BEP 5): a query ({@code y = q}), a response ({@code y = r}) or an error
 * ({@code y = e}), each with the transaction id the querying node chose.
 */
public sealed interface KrpcMessage permits KrpcQuery, KrpcResponse, KrpcError {

    /** The {@code t} key: chosen by the querier, echoed by the answer. */
    BString transaction();
}
