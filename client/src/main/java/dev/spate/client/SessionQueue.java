package dev.spate.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The client's queue of torrents: their positions, and which of them run under the active
 * download and seed limits ({@link QueuePolicy}). Selection thread.
 */
final class SessionQueue {
    private final List<Torrent> order = new ArrayList<>();
    private final QueueConfig config;
    private boolean updating;
    private boolean again;

    SessionQueue(QueueConfig config) {
        this.config = config;
    }

    /** Adds a torrent at the end of the queue. */
    void add(Torrent t) {
        order.add(t);
        t.queuePosition(order.size() - 1);
    }

    void remove(Torrent t) {
        if (order.remove(t)) {
            renumber();
            update();
        }
    }

    List<Torrent> inOrder() {
        return List.copyOf(order);
    }

    void move(Torrent t, QueueMove move) {
        int from = order.indexOf(t);
        if (from < 0) {
            return;
        }
        int to = switch (move) {
            case TOP -> 0;
            case UP -> Math.max(0, from - 1);
            case DOWN -> Math.min(order.size() - 1, from + 1);
            case BOTTOM -> order.size() - 1;
        };
        if (to != from) {
            order.remove(from);
            order.add(to, t);
            renumber();
            update();
        }
    }

    /**
     * Starts and stops torrents so that the right ones hold the active slots. A start may finish a
     * torrent at once (and so ask for an update): such a request runs after this one.
     */
    void update() {
        if (updating) {
            again = true;
            return;
        }
        updating = true;
        try {
            do {
                again = false;
                updateOnce();
            } while (again);
        } finally {
            updating = false;
        }
    }

    private void updateOnce() {
        List<Torrent> candidates = new ArrayList<>();
        List<QueuePolicy.Entry> entries = new ArrayList<>();
        for (Torrent t : order) {
            TorrentState s = t.state();
            if (s == TorrentState.QUEUED || s.isRunning()) {
                candidates.add(t);
                boolean seeding = t.data().isComplete(t.piecePriorities());
                entries.add(new QueuePolicy.Entry(seeding, s.isRunning(), t.run.stalled()));
            }
        }
        List<Boolean> run = QueuePolicy.decide(entries, config.maxActiveDownloads(), config.maxActiveSeeds());
        for (int i = 0; i < candidates.size(); i++) { // stop first, so that slots are free for the starts
            Torrent t = candidates.get(i);
            if (!run.get(i) && t.state().isRunning()) {
                t.stopRunning("queued", TorrentState.QUEUED);
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            Torrent t = candidates.get(i);
            if (run.get(i) && t.state() == TorrentState.QUEUED) {
                t.startRunning();
            }
        }
    }

    private void renumber() {
        for (int i = 0; i < order.size(); i++) {
            Torrent t = order.get(i);
            if (t.queuePosition() != i) {
                t.queuePosition(i);
                t.run.saveSettings();
            }
        }
    }
}
