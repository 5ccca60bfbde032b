package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import java.util.List;
import java.util.Objects;

/** Our id and the nodes of our routing table at one moment: what is saved between runs (BEP 5). */
public record RoutingTableSnapshot(NodeId ownId, List<NodeContact> nodes) {

    public RoutingTableSnapshot {
        Objects.requireNonNull(ownId, "ownId");
        nodes = List.copyOf(nodes);
    }
}
