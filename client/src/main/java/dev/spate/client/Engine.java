package dev.spate.client;

import dev.spate.discovery.tracker.Trackers;
import dev.spate.disk.DiskManager;
import dev.spate.handshake.PeerId;
import dev.spate.handshake.Transport;
import dev.spate.selection.SelectionLoop;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;

/** The client's shared machinery, as each torrent sees it. */
record Engine(ClientConfig config, PeerId peerId, Transport transport, DiskManager disk, SelectionLoop selection,
        PeerWiring wiring, Trackers trackers, Executor events, IntSupplier listenPort) {
}
