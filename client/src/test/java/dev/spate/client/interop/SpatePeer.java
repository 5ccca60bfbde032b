package dev.spate.client.interop;

import dev.spate.client.ClientConfig;
import dev.spate.client.PeerInfo;
import dev.spate.client.TorrentClient;
import dev.spate.client.TorrentHandle;
import dev.spate.interop.LoopbackPorts;
import dev.spate.metainfo.Metainfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** One spate client on 127.0.0.1 with one torrent: the side of a cell under test. */
final class SpatePeer implements AutoCloseable {
    private final String name;
    private final TorrentClient client;
    private final TorrentHandle torrent;

    private SpatePeer(String name, TorrentClient client, TorrentHandle torrent) {
        this.name = name;
        this.client = client;
        this.torrent = torrent;
    }

    /** A client on any free port of 127.0.0.1 with {@code metainfo} added, its files under {@code dir}. */
    static SpatePeer start(String name, Metainfo metainfo, Path dir) {
        TorrentClient client = TorrentClient.create(ClientConfig.loopback().withNetworkThreads(2));
        return new SpatePeer(name, client, client.add(metainfo, dir));
    }

    int port() {
        return client.listenPort();
    }

    TorrentHandle torrent() {
        return torrent;
    }

    /** Dials a peer on 127.0.0.1. */
    void dial(int port) {
        torrent.addPeer(LoopbackPorts.address(port));
    }

    /**
     * Waits until every piece is verified; false if {@code timeout} passes first.
     *
     * @throws ExecutionException if the torrent failed
     */
    boolean awaitComplete(Duration timeout) throws InterruptedException, ExecutionException {
        try {
            torrent.completion().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Its state and its peers, for a failure message. */
    String describe() {
        return name + " (spate on 127.0.0.1:" + port() + "): " + torrent.status() + "\n  peers:\n    "
                + torrent.peers().stream().map(PeerInfo::toString).collect(Collectors.joining("\n    "));
    }

    @Override
    public void close() {
        client.close();
    }
}
