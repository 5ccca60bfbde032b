package dev.spate.discovery.tracker;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Where an {@link AnnounceScheduler} delivers the peers trackers name. Called on the scheduler's
 * event loop: it must be quick and must not block (hand the peers on, e.g. to the handshaker).
 */
@FunctionalInterface
public interface PeerSink {

    void peersFound(URI tracker, List<InetSocketAddress> peers);
}
