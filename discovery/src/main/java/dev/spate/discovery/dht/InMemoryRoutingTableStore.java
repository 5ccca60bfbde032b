package dev.spate.discovery.dht;

import java.util.Optional;

/** A {@link RoutingTableStore} in a field; safe to use from any thread. */
public final class InMemoryRoutingTableStore implements RoutingTableStore {
    private volatile RoutingTableSnapshot saved;

    @Override
    public Optional<RoutingTableSnapshot> load() {
        return Optional.ofNullable(saved);
    }

    @Override
    public void save(RoutingTableSnapshot snapshot) {
        saved = snapshot;
    }
}
