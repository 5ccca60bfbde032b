package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.KrpcError;
import dev.spate.discovery.dht.krpc.KrpcMessage;
import dev.spate.discovery.dht.krpc.KrpcQuery;
import dev.spate.discovery.dht.krpc.KrpcQuery.AnnouncePeer;
import dev.spate.discovery.dht.krpc.KrpcQuery.FindNode;
import dev.spate.discovery.dht.krpc.KrpcQuery.GetPeers;
import dev.spate.discovery.dht.krpc.KrpcQuery.Ping;
import dev.spate.discovery.dht.krpc.KrpcQuery.Want;
import dev.spate.discovery.dht.krpc.KrpcResponse;
import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.metainfo.bencode.BString;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The answer to each query (BEP 5, with BEP 32's {@code want} and BEP 42's {@code ip}). Replies stay
 * under 1024 bytes as BEP 32 asks: 8 nodes of each family asked for, and at most
 * {@link #MAX_VALUES_V4} (IPv4) or {@link #MAX_VALUES_V6} (IPv6) peers.
 */
final class QueryResponder {
    static final int MAX_VALUES_V4 = 50;
    static final int MAX_VALUES_V6 = 20;

    private final NodeId own;
    private final boolean ipv4;
    private final RoutingTable table;
    private final PeerStore peers;
    private final Tokens tokens;
    private final Random random;

    QueryResponder(NodeId own, boolean ipv4, RoutingTable table, PeerStore peers, Tokens tokens, Random random) {
        this.own = own;
        this.ipv4 = ipv4;
        this.table = table;
        this.peers = peers;
        this.tokens = tokens;
        this.random = random;
    }

    KrpcMessage answer(KrpcQuery q, InetSocketAddress from, long now) {
        BString t = q.transaction();
        KrpcQuery.Args args = q.args();
        if (args instanceof Ping) {
            return KrpcResponse.idOnly(t, own).withRequester(from);
        }
        if (args instanceof FindNode f) {
            return nodes(t, f.target(), f.want(), Optional.empty(), List.of(), from, now);
        }
        if (args instanceof GetPeers g) {
            List<InetSocketAddress> values = peers.peers(g.infoHash(), ipv4, ipv4 ? MAX_VALUES_V4 : MAX_VALUES_V6,
                    random, now);
            BString token = tokens.issue(from.getAddress(), g.infoHash(), now);
            return nodes(t, g.infoHash(), g.want(), Optional.of(token), values, from, now);
        }
        if (args instanceof AnnouncePeer a) {
            if (!tokens.isValid(a.token(), from.getAddress(), a.infoHash(), now)) {
                return new KrpcError(t, KrpcError.PROTOCOL, "bad token");
            }
            int port = a.impliedPort() ? from.getPort() : a.port();
            if (port < 1) {
                return new KrpcError(t, KrpcError.PROTOCOL, "no port to store");
            }
            peers.add(a.infoHash(), new InetSocketAddress(from.getAddress(), port), now);
            return KrpcResponse.idOnly(t, own).withRequester(from);
        }
        return new KrpcError(t, KrpcError.METHOD_UNKNOWN, "method unknown");
    }

    /**
     * A response with the nodes closest to {@code target}. BEP 32: {@code want} picks the lists;
     * without it, the family the query came in on. This node has a table of its own family only.
     */
    private KrpcResponse nodes(BString t, NodeId target, Optional<Want> want, Optional<BString> token,
            List<InetSocketAddress> values, InetSocketAddress from, long now) {
        boolean wantOwnFamily = want.map(w -> ipv4 ? w.nodes4() : w.nodes6()).orElse(true);
        List<NodeContact> closest = wantOwnFamily ? table.closest(target, RoutingTable.K, now) : List.of();
        return new KrpcResponse(t, own, ipv4 ? closest : List.of(), ipv4 ? List.of() : closest, token, values,
                Optional.of(from));
    }
}
