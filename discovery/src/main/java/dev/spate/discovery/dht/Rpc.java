package dev.spate.discovery.dht;

import dev.spate.discovery.Ticker;
import dev.spate.discovery.dht.krpc.KrpcMessage;
import dev.spate.discovery.dht.krpc.KrpcQuery;
import dev.spate.discovery.dht.krpc.KrpcResponse;
import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.metainfo.bencode.BString;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

/**
 * Sends our queries and reports what became of them, feeding the routing table on the way: a node
 * that answers is offered to the table (BEP 5: only nodes that answer are kept), one that stays
 * silent counts a failure. When a full bucket keeps a newcomer as a replacement, its stalest
 * questionable node is pinged, so a dead node makes way soon.
 */
final class Rpc {
    /** The outcome of one query. */
    interface Answer {
        void onResponse(KrpcResponse response, NodeContact from);

        /** An error reply, a timeout, or a send that could not be made. */
        void onFailure();
    }

    /** Sends one datagram. */
    interface Outbox {
        void send(InetSocketAddress to, KrpcMessage message);
    }

    /** Pings sent to check on table nodes, at most this many at once. */
    private static final int MAX_CHECKS = 64;

    private final NodeId own;
    private final boolean readOnly;
    private final RoutingTable table;
    private final Transactions transactions;
    private final Outbox outbox;
    private final Ticker ticker;
    private final Set<InetSocketAddress> checking = new HashSet<>();
    long sent;
    long timeouts;

    Rpc(NodeId own, boolean readOnly, RoutingTable table, Transactions transactions, Outbox outbox, Ticker ticker) {
        this.own = own;
        this.readOnly = readOnly;
        this.table = table;
        this.transactions = transactions;
        this.outbox = outbox;
        this.ticker = ticker;
    }

    NodeId ownId() {
        return own;
    }

    /** Sends a query; false (and no callback) if too many queries wait for answers already. */
    boolean query(InetSocketAddress to, KrpcQuery.Args args, Answer answer) {
        BString t = transactions.open(to, new Transactions.Callback() {
            @Override
            public void onReply(KrpcMessage reply) {
                if (reply instanceof KrpcResponse r) {
                    NodeContact from = new NodeContact(r.sender(), to);
                    offer(from);
                    answer.onResponse(r, from);
                } else {
                    answer.onFailure();
                }
            }

            @Override
            public void onTimeout() {
                timeouts++;
                table.failed(to, ticker.nanoTime());
                answer.onFailure();
            }
        });
        if (t == null) {
            return false;
        }
        sent++;
        outbox.send(to, new KrpcQuery(t, own, args, readOnly));
        return true;
    }

    /**
     * Pings a node unless a check of it is under way already: a table node gone quiet, or one
     * that queried us and would have a place if it answers.
     */
    void check(InetSocketAddress node) {
        if (checking.size() >= MAX_CHECKS || !checking.add(node)) {
            return;
        }
        boolean sentPing = query(node, new KrpcQuery.Ping(), new Answer() {
            @Override
            public void onResponse(KrpcResponse response, NodeContact from) {
                checking.remove(node);
            }

            @Override
            public void onFailure() {
                checking.remove(node);
            }
        });
        if (!sentPing) {
            checking.remove(node);
        }
    }

    int pending() {
        return transactions.size();
    }

    private void offer(NodeContact node) {
        long now = ticker.nanoTime();
        if (table.responded(node, now) == RoutingTable.Insert.CACHED) {
            NodeContact stale = table.questionableNear(node.id(), now);
            if (stale != null) {
                check(stale.address());
            }
        }
    }
}
