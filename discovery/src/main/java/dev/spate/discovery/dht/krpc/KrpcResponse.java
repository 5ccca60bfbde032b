package dev.spate.discovery.dht.krpc;

import dev.spate.metainfo.bencode.BString;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A response. Which keys mean something depends on the query it answers, which only the querier
 * knows, so every optional key is here: {@code nodes} (26-byte entries), {@code nodes6} (38-byte,
 * BEP 32), {@code token} and {@code values} (get_peers), and BEP 42's top-level {@code ip}, the
 * address the responder saw the query come from.
 */
public record KrpcResponse(BString transaction, NodeId sender, List<NodeContact> nodes, List<NodeContact> nodes6,
        Optional<BString> token, List<InetSocketAddress> values, Optional<InetSocketAddress> requester)
        implements KrpcMessage {

    public KrpcResponse {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(sender, "sender");
        nodes = List.copyOf(nodes);
        nodes6 = List.copyOf(nodes6);
        values = List.copyOf(values);
    }

    /** A response that holds only the responder's id: the answer to ping and announce_peer. */
    public static KrpcResponse idOnly(BString transaction, NodeId sender) {
        return new KrpcResponse(transaction, sender, List.of(), List.of(), Optional.empty(), List.of(),
                Optional.empty());
    }

    public KrpcResponse withRequester(InetSocketAddress requester) {
        return new KrpcResponse(transaction, sender, nodes, nodes6, token, values, Optional.of(requester));
    }
}
