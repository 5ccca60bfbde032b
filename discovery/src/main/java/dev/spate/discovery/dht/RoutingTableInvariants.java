package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.NodeId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules a {@link RoutingTable} keeps after every operation; tests check them after each step. */
final class RoutingTableInvariants {
    private RoutingTableInvariants() {
    }

    static void check(NodeId own, List<Bucket> buckets, Map<NodeId, RoutingEntry> byId,
            Map<InetSocketAddress, RoutingEntry> byAddress, Map<InetAddress, RoutingEntry> byIp) {
        require(!buckets.isEmpty() && buckets.size() <= NodeId.BITS, buckets.size() + " buckets");
        Set<NodeId> seen = new HashSet<>();
        int total = 0;
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            boolean last = i == buckets.size() - 1;
            require(b.entries.size() <= RoutingTable.K, "bucket " + i + " holds " + b.entries.size());
            require(b.replacements.size() <= RoutingTable.K, "bucket " + i + " caches " + b.replacements.size());
            for (RoutingEntry e : b.entries) {
                NodeId id = e.contact.id();
                int cpl = own.commonPrefixLength(id);
                require(last ? cpl >= i : cpl == i, id + " (prefix " + cpl + ") is in bucket " + i);
                require(!id.equals(own), "our own id is in the table");
                require(seen.add(id), id + " is in the table twice");
                require(byId.get(id) == e, id + " is missing from the id index");
                require(byAddress.get(e.contact.address()) == e, e + " is missing from the address index");
                require(byIp == null || byIp.get(e.contact.address().getAddress()) == e,
                        e + " shares its IP address with another entry");
                total++;
            }
            for (RoutingEntry r : b.replacements) {
                int cpl = own.commonPrefixLength(r.contact.id());
                require(last ? cpl >= i : cpl == i, "replacement " + r + " is cached in bucket " + i);
                require(!byId.containsKey(r.contact.id()), "replacement " + r + " is also in the table");
            }
        }
        require(byId.size() == total && byAddress.size() == total && (byIp == null || byIp.size() == total),
                "indexes hold " + byId.size() + "/" + byAddress.size() + " entries, buckets " + total);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("routing table invariant broken: " + what);
        }
    }
}
