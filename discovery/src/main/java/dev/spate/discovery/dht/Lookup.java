package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.KrpcQuery;
import dev.spate.discovery.dht.krpc.KrpcResponse;
import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.metainfo.bencode.BString;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One iterative lookup (Kademlia, BEP 5): ask the {@link #ALPHA} closest nodes not yet asked, add the
 * nodes they name, and stop when the {@link RoutingTable#K} closest nodes that can be trusted have
 * all answered. A get_peers lookup also hands on the peers it meets and remembers each answering
 * node's token, for an announce. Candidates and queries are capped, so a lookup ends whatever
 * the nodes it meets say. Runs on the DHT's event loop.
 */
final class Lookup {
    static final int ALPHA = 3;
    static final int MAX_CANDIDATES = RoutingTable.K * 8;
    static final int MAX_QUERIES = 256;
    static final int MAX_PEERS = 4096;

    /** A node the lookup knows of. Bootstrap addresses start without an id. */
    static final class Candidate {
        final InetSocketAddress address;
        NodeId id;
        State state = State.NEW;
        BString token;
        /** Passes BEP 42's id check (or the check is off): may count toward the end and be announced to. */
        boolean trusted;

        Candidate(InetSocketAddress address, NodeId id) {
            this.address = address;
            this.id = id;
        }

        NodeContact contact() {
            return new NodeContact(id, address);
        }
    }

    enum State { NEW, ASKED, ANSWERED, FAILED }

    private final NodeId target;
    private final boolean getPeers;
    private final boolean ipv4;
    private final Rpc rpc;
    private final Predicate<NodeContact> trusted;
    private final Consumer<List<InetSocketAddress>> peerSink;
    /** Named candidates, closest to the target first. */
    private final List<Candidate> closest = new ArrayList<>();
    /** Bootstrap addresses, asked first, moved to {@link #closest} once they say their id. */
    private final List<Candidate> unnamed = new ArrayList<>();
    private final Set<InetSocketAddress> seen = new HashSet<>();
    private final Set<InetSocketAddress> peers = new HashSet<>();
    private final CompletableFuture<List<Candidate>> done = new CompletableFuture<>();
    private int inFlight;
    private int queried;
    private int responded;

    /**
     * @param getPeers a get_peers lookup for {@code target} as an info hash; else find_node
     * @param trusted  BEP 42's check of a node's id against its address
     * @param peerSink new peers, a batch per answer (get_peers only)
     */
    Lookup(NodeId target, boolean getPeers, boolean ipv4, Rpc rpc, Predicate<NodeContact> trusted,
            Consumer<List<InetSocketAddress>> peerSink) {
        this.target = target;
        this.getPeers = getPeers;
        this.ipv4 = ipv4;
        this.rpc = rpc;
        this.trusted = trusted;
        this.peerSink = peerSink;
    }

    /** Starts from known nodes and bare addresses; completes with the closest trusted nodes that answered. */
    CompletableFuture<List<Candidate>> start(List<NodeContact> nodes, List<InetSocketAddress> addresses) {
        for (InetSocketAddress a : addresses) {
            if (seen.add(a)) {
                unnamed.add(new Candidate(a, null));
            }
        }
        addAll(nodes);
        step();
        return done;
    }

    int queried() {
        return queried;
    }

    int responded() {
        return responded;
    }

    int peersFound() {
        return peers.size();
    }

    /** Ends the lookup now with what it has (the node is closing). */
    void abandon() {
        if (!done.isDone()) {
            done.complete(result());
        }
    }

    private void step() {
        while (!done.isDone() && inFlight < ALPHA && queried < MAX_QUERIES) {
            Candidate next = nextToAsk();
            if (next == null) {
                break;
            }
            ask(next);
        }
        if (inFlight == 0 && !done.isDone()) {
            done.complete(result());
        }
    }

    private void ask(Candidate c) {
        c.state = State.ASKED;
        queried++;
        inFlight++;
        KrpcQuery.Args args = getPeers ? new KrpcQuery.GetPeers(target, Optional.empty())
                : new KrpcQuery.FindNode(target, Optional.empty());
        boolean sent = rpc.query(c.address, args, new Rpc.Answer() {
            @Override
            public void onResponse(KrpcResponse response, NodeContact from) {
                inFlight--;
                answered(c, response);
                step();
            }

            @Override
            public void onFailure() {
                inFlight--;
                c.state = State.FAILED;
                step();
            }
        });
        if (!sent) {
            inFlight--;
            c.state = State.FAILED;
        }
    }

    /** An unnamed node first; else the first not yet asked among the K closest that may still count. */
    private Candidate nextToAsk() {
        for (Candidate c : unnamed) {
            if (c.state == State.NEW) {
                return c;
            }
        }
        int counted = 0;
        for (Candidate c : closest) {
            if (counted >= RoutingTable.K) {
                break;
            }
            if (c.state == State.NEW) {
                return c;
            }
            if (c.state == State.ASKED || c.state == State.ANSWERED && c.trusted) {
                counted++;
            }
        }
        return null;
    }

    private void answered(Candidate c, KrpcResponse r) {
        c.state = State.ANSWERED;
        responded++;
        if (c.id == null) {
            unnamed.remove(c);
            c.id = r.sender();
            if (!c.id.equals(rpc.ownId()) && closest.stream().noneMatch(o -> o.id.equals(r.sender()))) {
                insert(c);
            }
        }
        c.trusted = trusted.test(c.contact());
        c.token = r.token().orElse(null);
        addAll(ipv4 ? r.nodes() : r.nodes6());
        if (getPeers && !r.values().isEmpty()) {
            List<InetSocketAddress> fresh = new ArrayList<>();
            for (InetSocketAddress p : r.values()) {
                if (peers.size() < MAX_PEERS && peers.add(p)) {
                    fresh.add(p);
                }
            }
            if (!fresh.isEmpty()) {
                peerSink.accept(fresh);
            }
        }
    }

    private void addAll(List<NodeContact> nodes) {
        for (NodeContact n : nodes) {
            if (n.isIpv4() == ipv4 && !n.id().equals(rpc.ownId()) && seen.size() < MAX_QUERIES * 16
                    && seen.add(n.address())) {
                insert(new Candidate(n.address(), n.id()));
            }
        }
    }

    /** Inserts in distance order and drops the farthest candidate beyond the cap. */
    private void insert(Candidate c) {
        int i = 0;
        while (i < closest.size() && target.compareDistance(closest.get(i).id, c.id) <= 0) {
            i++;
        }
        if (i >= MAX_CANDIDATES) {
            return;
        }
        closest.add(i, c);
        if (closest.size() > MAX_CANDIDATES) {
            closest.remove(closest.size() - 1);
        }
    }

    private List<Candidate> result() {
        List<Candidate> out = new ArrayList<>(RoutingTable.K);
        for (Candidate c : closest) {
            if (out.size() >= RoutingTable.K) {
                break;
            }
            if (c.state == State.ANSWERED && c.trusted) {
                out.add(c);
            }
        }
        return out;
    }
}
