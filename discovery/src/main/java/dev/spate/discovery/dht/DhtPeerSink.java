package dev.spate.discovery.dht;

import dev.spate.metainfo.InfoHash;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where a lookup delivers the peers it finds, a batch per answering node, each peer once per
 * lookup. Called on the DHT's event loop: quick, never blocking.
 */
@FunctionalInterface
public interface DhtPeerSink {

    void peersFound(InfoHash infoHash, List<InetSocketAddress> peers);
}
