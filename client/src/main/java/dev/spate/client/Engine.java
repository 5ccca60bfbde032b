package dev.spate.client;

import dev.spate.client.store.SessionStore;
import dev.spate.discovery.tracker.Trackers;
import dev.spate.disk.DiskManager;
import dev.spate.handshake.PeerId;
import dev.spate.handshake.Transport;
import dev.spate.selection.SelectionLoop;
import dev.spate.selection.limits.SharedLimits;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;

/**
 * The client's shared machinery, as each torrent sees it.
 *
 * @param events  the client's own thread for completing futures and handing events on (never an engine thread)
 * @param shared  the limits all swarms share (selection thread)
 * @param queue   the queue of torrents (selection thread)
 */
record Engine(ClientConfig config, PeerId peerId, Transport transport, DiskManager disk, SelectionLoop selection,
        PeerWiring wiring, Trackers trackers, Executor events, IntSupplier listenPort, SharedLimits shared,
        EventBus bus, SessionStore store, SessionQueue queue) {
}
