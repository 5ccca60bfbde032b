package dev.spate.discovery.lsd;

import dev.spate.metainfo.InfoHash;
import java.net.InetSocketAddress;

/** Where local service discovery hands the peers it hears of; called on its event loop, quick, never blocking. */
@FunctionalInterface
public interface LsdPeerSink {

    void peerFound(InfoHash infoHash, InetSocketAddress peer);
}
