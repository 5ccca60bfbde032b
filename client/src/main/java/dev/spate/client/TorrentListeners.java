package dev.spate.client;

import dev.spate.disk.DiskError;
import dev.spate.disk.DiskListener;
import dev.spate.selection.SwarmListener;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** What a torrent hears from its swarm (on the selection thread) and from its disk (handed to the selection thread). */
final class TorrentListeners {
    private static final Logger LOG = LogManager.getLogger(TorrentListeners.class);

    private TorrentListeners() {
    }

    /** A piece passed its hash check: the verified set, its files' progress, the events. Selection thread. */
    static void pieceVerified(Torrent t, int piece) {
        TorrentData d = t.data();
        d.have.set(piece);
        t.run.pieceVerified();
        t.engine.bus().publish(seq -> new TorrentEvent.PieceVerified(seq, t.infoHash(), t.name(), piece));
        for (int file : d.progress.pieceVerified(piece)) {
            Path path = d.files.path(file);
            t.engine.bus().publish(seq -> new TorrentEvent.FileCompleted(seq, t.infoHash(), t.name(), file, path));
        }
    }

    /** The swarm of one run. Selection thread. */
    static final class Swarm implements SwarmListener {
        private final Torrent t;

        Swarm(Torrent torrent) {
            this.t = torrent;
        }

        @Override
        public void pieceVerified(int piece) {
            TorrentListeners.pieceVerified(t, piece);
        }

        @Override
        public void finished() {
            SwarmSession s = t.session();
            t.announceComplete();
            if (t.state() == TorrentState.DOWNLOADING) {
                t.setState(TorrentState.SEEDING);
                t.run.startedSeeding(t.engine.selection().now());
                if (s != null) {
                    s.completed();
                }
            }
            t.engine.queue().update();
            t.completeFuture();
        }

        @Override
        public void peerBanned(InetSocketAddress address, String reason) {
            LOG.info("{}: banned {}: {}", t.name(), address, reason);
            t.engine.bus().publish(seq -> new TorrentEvent.PeerBanned(seq, t.infoHash(), t.name(), address, reason));
        }
    }

    /** The disk threads: everything goes to the selection thread. */
    static final class Disk implements DiskListener {
        private final Torrent t;

        Disk(Torrent torrent) {
            this.t = torrent;
        }

        @Override
        public void pieceVerified(int piece) {
            t.engine.selection().execute(() -> {
                SwarmSession s = t.session();
                if (s != null) {
                    s.swarm().pieceVerified(piece);
                } else if (!t.data().have.has(piece)) {
                    TorrentListeners.pieceVerified(t, piece); // verified after the torrent stopped: still ours
                }
            });
        }

        @Override
        public void pieceFailed(int piece, int[] peerIds) {
            t.engine.selection().execute(() -> {
                SwarmSession s = t.session();
                if (s != null) {
                    s.swarm().pieceFailed(piece, peerIds, t.engine.selection().now());
                }
            });
        }

        @Override
        public void diskError(DiskError e) {
            t.engine.selection().execute(() -> t.fail(e.message()));
        }
    }
}
