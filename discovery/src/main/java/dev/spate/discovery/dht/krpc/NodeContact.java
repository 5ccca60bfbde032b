package dev.spate.discovery.dht.krpc;

import dev.spate.discovery.tracker.wire.CompactPeers;
import java.net.InetSocketAddress;
import java.util.Objects;

/** A DHT node: its id and the UDP address it answers on (an IPv4-mapped address is kept as IPv4). */
public record NodeContact(NodeId id, InetSocketAddress address) {

    public NodeContact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("a node's address must be resolved: " + address);
        }
        if (!address.getAddress().equals(CompactPeers.unmap(address.getAddress()))) {
            address = new InetSocketAddress(CompactPeers.unmap(address.getAddress()), address.getPort());
        }
    }

    public boolean isIpv4() {
        return CompactPeers.isIpv4(address.getAddress());
    }

    @Override
    public String toString() {
        return id.toHex().substring(0, 8) + "@" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
