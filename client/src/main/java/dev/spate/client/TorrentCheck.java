package dev.spate.client;

import dev.spate.client.store.FileStamp;
import dev.spate.client.store.StoredTorrent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A torrent's check of the data on disk: the resume data is weighed against the files as they are
 * now ({@link ResumePlan}, on the store's thread, which stats the files), the trusted pieces are
 * marked verified, the rest of the wanted pieces hashed on the disk threads, and the torrent moves
 * on to the queue. Selection thread, except the progress callback.
 */
final class TorrentCheck {
    private final Torrent torrent;
    private final AtomicBoolean progressPosted = new AtomicBoolean();
    private volatile double fraction;

    TorrentCheck(Torrent torrent) {
        this.torrent = torrent;
    }

    /** How much of what needs hashing is hashed, 0 to 1. Any thread. */
    double fraction() {
        return fraction;
    }

    /** @param stored the session's record; null to look it up */
    void begin(Optional<StoredTorrent> stored) {
        torrent.setState(TorrentState.CHECKING);
        fraction = 0;
        Engine engine = torrent.engine;
        if (stored == null) {
            engine.store().load(torrent.infoHash().toHex()).whenComplete((s, e) -> engine.selection().execute(() -> {
                Optional<StoredTorrent> found = e == null ? s : Optional.empty();
                found.ifPresent(torrent.run::restore);
                plan(found);
            }));
        } else {
            plan(stored);
        }
    }

    private void plan(Optional<StoredTorrent> stored) {
        TorrentData d = torrent.data();
        boolean[] skipped = skipped(torrent.filePriorities());
        BitSet wanted = FilePriorities.wanted(torrent.piecePriorities());
        List<Path> paths = d.stampedPaths();
        Engine engine = torrent.engine;
        engine.store().io(() -> stored.flatMap(StoredTorrent::resume)
                .map(r -> ResumePlan.of(r, stamps(paths), d.layout, skipped, wanted))
                .orElseGet(() -> ResumePlan.fresh(wanted)))
                .whenComplete((plan, e) -> engine.selection().execute(() -> {
                    if (e != null) {
                        torrent.fail("reading the resume data failed: " + e.getMessage());
                    } else {
                        hash(plan);
                    }
                }));
    }

    private void hash(ResumePlan plan) {
        if (torrent.state() != TorrentState.CHECKING) {
            return; // removed meanwhile
        }
        TorrentData d = torrent.data();
        d.disk.markVerified(plan.trusted());
        for (int p = plan.trusted().nextSetBit(0); p >= 0; p = plan.trusted().nextSetBit(p + 1)) {
            d.have.set(p);
        }
        d.disk.check(plan.toCheck(), this::progress)
                .whenComplete((bits, failure) -> torrent.engine.selection().execute(() -> done(bits, failure)));
    }

    /** Disk threads: at most one progress event waits on the selection thread at a time. */
    private void progress(int done, int total) {
        fraction = total == 0 ? 1 : (double) done / total;
        if (total > 0 && progressPosted.compareAndSet(false, true)) {
            torrent.engine.selection().execute(() -> {
                progressPosted.set(false);
                double f = fraction;
                if (torrent.state() == TorrentState.CHECKING) {
                    torrent.engine.bus().publish(seq -> new TorrentEvent.CheckingProgress(seq, torrent.infoHash(),
                            torrent.name(), f));
                }
            });
        }
    }

    private void done(BitSet bits, Throwable failure) {
        if (torrent.state() != TorrentState.CHECKING) {
            return;
        }
        if (failure != null) {
            torrent.fail("checking the data failed: " + failure.getMessage());
            return;
        }
        TorrentData d = torrent.data();
        for (int p = bits.nextSetBit(0); p >= 0; p = bits.nextSetBit(p + 1)) {
            d.have.set(p);
        }
        d.progress.reset(d.haveBits());
        fraction = 1;
        torrent.checked();
    }

    private static List<FileStamp> stamps(List<Path> paths) {
        List<FileStamp> out = new ArrayList<>(paths.size());
        paths.forEach(f -> out.add(f == null ? FileStamp.ABSENT : FileStamp.of(f)));
        return out;
    }

    private static boolean[] skipped(FilePriority[] priorities) {
        boolean[] out = new boolean[priorities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = priorities[i] == FilePriority.SKIP;
        }
        return out;
    }
}
