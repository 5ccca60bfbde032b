package dev.spate.discovery.dht;

import java.util.Optional;

/**
 * Where a DHT node keeps its routing table between runs. {@link #load} is called once by
 * {@link DhtNode#start} and {@link #save} once by {@link DhtNode#close}, both on the caller's
 * thread (never the event loop), so an implementation may block on its storage.
 */
public interface RoutingTableStore {

    /** The table saved last, if any. */
    Optional<RoutingTableSnapshot> load();

    void save(RoutingTableSnapshot snapshot);

    /** A store that lives as long as the object: for tests, and for nodes restarted in one process. */
    static RoutingTableStore inMemory() {
        return new InMemoryRoutingTableStore();
    }
}
