package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * BEP 5's routing table: k-buckets that split along our own id. Bucket {@code i} holds the nodes
 * whose id shares exactly {@code i} leading bits with ours; the last bucket holds every node that
 * shares at least as many, and only it splits. Only nodes that answered one of our queries enter
 * (a node that merely queried us is pinged first), so an entry always has a reply time. Plain
 * logic: time comes in as arguments, and the owner (the DHT's event loop) is the only caller.
 */
final class RoutingTable {
    static final int K = 8;

    /** What {@link #responded} did with a node. */
    enum Insert { ADDED, REFRESHED, REPLACED, CACHED, REJECTED }

    private final NodeId own;
    private final boolean oneNodePerAddress;
    private final Predicate<NodeContact> admissible;
    private final List<Bucket> buckets = new ArrayList<>();
    private final Map<NodeId, RoutingEntry> byId = new HashMap<>();
    private final Map<InetSocketAddress, RoutingEntry> byAddress = new HashMap<>();
    private final Map<InetAddress, RoutingEntry> byIp = new HashMap<>();

    /**
     * @param oneNodePerAddress at most one entry per IP address (off when every node shares one)
     * @param admissible        which nodes may enter at all (BEP 42's id check)
     */
    RoutingTable(NodeId own, boolean oneNodePerAddress, Predicate<NodeContact> admissible, long now) {
        this.own = own;
        this.oneNodePerAddress = oneNodePerAddress;
        this.admissible = admissible;
        buckets.add(new Bucket(now));
    }

    NodeId ownId() {
        return own;
    }

    int size() {
        return byId.size();
    }

    int bucketCount() {
        return buckets.size();
    }

    boolean contains(NodeId id) {
        return byId.containsKey(id);
    }

    /** The node answered one of our queries: refresh it, add it, or keep it as a replacement. */
    Insert responded(NodeContact c, long now) {
        if (c.id().equals(own) || !admissible.test(c)) {
            return Insert.REJECTED;
        }
        RoutingEntry known = byId.get(c.id());
        if (known != null) {
            if (known.contact.address().equals(c.address())) {
                known.replied(now);
                bucketOf(c.id()).lastChangedNanos = now;
                return Insert.REFRESHED;
            }
            if (known.status(now) == NodeStatus.GOOD) {
                return Insert.REJECTED; // a live node keeps its id; the newcomer may be spoofing it
            }
            remove(known);
        }
        RoutingEntry atAddress = byAddress.get(c.address());
        if (atAddress != null) {
            remove(atAddress); // the node at this address restarted with a new id
        }
        if (oneNodePerAddress) {
            RoutingEntry sameIp = byIp.get(c.address().getAddress());
            if (sameIp != null) {
                if (sameIp.status(now) != NodeStatus.BAD) {
                    return Insert.REJECTED;
                }
                remove(sameIp);
            }
        }
        return insert(new RoutingEntry(c, now), now);
    }

    private Insert insert(RoutingEntry entry, long now) {
        while (true) {
            int index = indexOf(entry.contact.id());
            Bucket b = buckets.get(index);
            b.removeReplacement(entry.contact.id());
            if (!b.isFull()) {
                add(b, entry, now);
                return Insert.ADDED;
            }
            RoutingEntry bad = b.firstBad(now);
            if (bad != null) {
                remove(bad);
                add(b, entry, now);
                return Insert.REPLACED;
            }
            if (index == buckets.size() - 1 && buckets.size() < NodeId.BITS) {
                split(now);
                continue;
            }
            b.cache(entry);
            return Insert.CACHED;
        }
    }

    /** They queried us: counts toward liveness if we know them. False if the node is not in the table. */
    boolean queried(NodeContact c, long now) {
        RoutingEntry e = byId.get(c.id());
        if (e == null || !e.contact.address().equals(c.address())) {
            return false;
        }
        e.queriedUs = true;
        e.lastQueryNanos = now;
        return true;
    }

    /** True if a node not yet in the table would get a place if it answered a ping. */
    boolean hasRoomFor(NodeContact c, long now) {
        if (c.id().equals(own) || byId.containsKey(c.id()) || !admissible.test(c)) {
            return false;
        }
        if (oneNodePerAddress && byIp.containsKey(c.address().getAddress())) {
            return false;
        }
        int index = indexOf(c.id());
        Bucket b = buckets.get(index);
        return !b.isFull() || b.firstBad(now) != null || index == buckets.size() - 1 && buckets.size() < NodeId.BITS;
    }

    /**
     * A query to {@code address} went unanswered. A node that becomes bad makes way for the
     * replacement that answered most recently, if its bucket has one.
     */
    void failed(InetSocketAddress address, long now) {
        RoutingEntry e = byAddress.get(address);
        if (e == null) {
            return;
        }
        e.failures++;
        if (e.status(now) != NodeStatus.BAD) {
            return;
        }
        Bucket b = bucketOf(e.contact.id());
        RoutingEntry r;
        while ((r = b.takeReplacement()) != null) {
            if (!byAddress.containsKey(r.contact.address())
                    && !(oneNodePerAddress && byIp.containsKey(r.contact.address().getAddress()))) {
                remove(e);
                add(b, r, now);
                return;
            }
        }
    }

    /** Up to {@code n} nodes closest to {@code target}, closest first; bad nodes are left out. */
    List<NodeContact> closest(NodeId target, int n, long now) {
        List<RoutingEntry> live = new ArrayList<>(byId.size());
        for (RoutingEntry e : byId.values()) {
            if (e.status(now) != NodeStatus.BAD) {
                live.add(e);
            }
        }
        live.sort((a, b) -> target.compareDistance(a.contact.id(), b.contact.id()));
        List<NodeContact> out = new ArrayList<>(Math.min(n, live.size()));
        for (int i = 0; i < live.size() && i < n; i++) {
            out.add(live.get(i).contact);
        }
        return out;
    }

    /** Every node in the table, bucket by bucket. */
    List<NodeContact> nodes() {
        List<NodeContact> out = new ArrayList<>(byId.size());
        for (Bucket b : buckets) {
            for (RoutingEntry e : b.entries) {
                out.add(e.contact);
            }
        }
        return out;
    }

    /** For each bucket, the questionable node heard from longest ago: the nodes to ping next. */
    List<NodeContact> questionable(long now) {
        List<NodeContact> out = new ArrayList<>();
        for (Bucket b : buckets) {
            RoutingEntry e = b.stalestQuestionable(now);
            if (e != null) {
                out.add(e.contact);
            }
        }
        return out;
    }

    /** The questionable node to ping in the bucket where {@code id} belongs, or null. */
    NodeContact questionableNear(NodeId id, long now) {
        RoutingEntry e = bucketOf(id).stalestQuestionable(now);
        return e == null ? null : e.contact;
    }

    /**
     * A random id in each bucket that has not changed for {@code staleNanos}: the targets of refresh
     * lookups. The bucket is marked changed, so it is not picked again until it goes stale again.
     */
    List<NodeId> refreshTargets(long now, long staleNanos, Random random) {
        List<NodeId> out = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            if (now - b.lastChangedNanos >= staleNanos) {
                boolean last = i == buckets.size() - 1;
                out.add(last ? NodeId.randomWithPrefix(own, i, random)
                        : NodeId.randomWithPrefix(own.flipBit(i), i + 1, random));
                b.lastChangedNanos = now;
            }
        }
        return out;
    }

    NodeStatus statusOf(NodeId id, long now) {
        RoutingEntry e = byId.get(id);
        return e == null ? null : e.status(now);
    }

    private int indexOf(NodeId id) {
        return Math.min(own.commonPrefixLength(id), buckets.size() - 1);
    }

    private Bucket bucketOf(NodeId id) {
        return buckets.get(indexOf(id));
    }

    /** Splits the last bucket: nodes sharing one more bit with our id move to a new last bucket. */
    private void split(long now) {
        int depth = buckets.size();
        Bucket old = buckets.get(depth - 1);
        Bucket deeper = new Bucket(old.lastChangedNanos);
        buckets.add(deeper);
        moveDeeper(old.entries, deeper.entries, depth);
        moveDeeper(old.replacements, deeper.replacements, depth);
        old.lastChangedNanos = now;
    }

    private void moveDeeper(List<RoutingEntry> from, List<RoutingEntry> to, int depth) {
        from.removeIf(e -> {
            if (own.commonPrefixLength(e.contact.id()) >= depth) {
                to.add(e);
                return true;
            }
            return false;
        });
    }

    private void add(Bucket b, RoutingEntry e, long now) {
        b.entries.add(e);
        b.lastChangedNanos = now;
        byId.put(e.contact.id(), e);
        byAddress.put(e.contact.address(), e);
        if (oneNodePerAddress) {
            byIp.put(e.contact.address().getAddress(), e);
        }
    }

    private void remove(RoutingEntry e) {
        bucketOf(e.contact.id()).entries.remove(e);
        byId.remove(e.contact.id());
        byAddress.remove(e.contact.address());
        if (oneNodePerAddress) {
            byIp.remove(e.contact.address().getAddress());
        }
    }

    /** Throws {@link IllegalStateException} naming the first broken invariant; for tests. */
    void checkInvariants() {
        RoutingTableInvariants.check(own, buckets, byId, byAddress, oneNodePerAddress ? byIp : null);
    }
}
