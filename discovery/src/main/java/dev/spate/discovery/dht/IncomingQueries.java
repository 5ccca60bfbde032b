package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.KrpcError;
import dev.spate.discovery.dht.krpc.KrpcException;
import dev.spate.discovery.dht.krpc.KrpcQuery;
import dev.spate.discovery.dht.krpc.NodeContact;
import java.net.InetSocketAddress;

/**
 * What happens to a query that arrives: nothing at all in read-only mode (BEP 43); else, within
 * the rate limits, an answer; and a sender that does not call itself read-only and would have a
 * place in the table is pinged, since only nodes that answer us are kept.
 */
final class IncomingQueries {
    /** An error reply stays small: it goes to an address nobody has checked. */
    private static final int MAX_REASON = 100;

    private final boolean readOnly;
    private final QueryLimiter limiter;
    private final QueryResponder responder;
    private final RoutingTable table;
    private final Rpc rpc;
    private final Rpc.Outbox outbox;
    long received;
    long malformed;

    IncomingQueries(boolean readOnly, QueryLimiter limiter, QueryResponder responder, RoutingTable table, Rpc rpc,
            Rpc.Outbox outbox) {
        this.readOnly = readOnly;
        this.limiter = limiter;
        this.responder = responder;
        this.table = table;
        this.rpc = rpc;
        this.outbox = outbox;
    }

    void onQuery(KrpcQuery q, InetSocketAddress from, long now) {
        received++;
        if (readOnly || !limiter.allow(from.getAddress(), now)) {
            return;
        }
        outbox.send(from, responder.answer(q, from, now));
        if (!q.readOnly() && !q.sender().equals(table.ownId())) {
            NodeContact sender = new NodeContact(q.sender(), from);
            if (!table.queried(sender, now) && table.hasRoomFor(sender, now)) {
                rpc.check(from);
            }
        }
    }

    /** A datagram that is not KRPC; a query among them gets error 203, within the same limits. */
    void onMalformed(KrpcException e, InetSocketAddress from, long now) {
        malformed++;
        if (readOnly || !e.isQuery() || e.transaction().isEmpty() || !limiter.allow(from.getAddress(), now)) {
            return;
        }
        String reason = e.getMessage();
        outbox.send(from, new KrpcError(e.transaction().get(), KrpcError.PROTOCOL,
                reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON)));
    }

    long refused() {
        return limiter.refused();
    }
}
