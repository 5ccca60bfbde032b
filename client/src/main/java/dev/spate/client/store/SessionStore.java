package dev.spate.client.store;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The session database, on a thread of its own. Every method may be called from any thread and
 * returns at once: writes are merged per torrent (the newest of each kind wins) and written
 * together, in one transaction, a short while after the first of them (or on {@link #flush()});
 * loads answer through futures. A store opened with {@link #none()} keeps nothing.
 */
public final class SessionStore implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(SessionStore.class);
    public static final String FILE_NAME = "session.db";

    private final ScheduledExecutorService thread;
    private final Duration batchDelay;
    private final Map<String, PendingWrites> pending = new LinkedHashMap<>(); // store thread
    private Connection db; // store thread
    private Rows rows; // store thread
    private boolean flushScheduled; // store thread

    private SessionStore(Duration batchDelay, boolean persistent) {
        this.batchDelay = batchDelay;
        if (persistent) {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1,
                    new DefaultThreadFactory("spate-store", true));
            t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() writes what is pending itself
            this.thread = t;
        } else {
            this.thread = null;
        }
    }

    /**
     * Opens (or creates) {@code dir/session.db}. Waits for the database to open.
     *
     * @throws UncheckedIOException if the directory or the database cannot be opened
     */
    public static SessionStore open(Path dir, Duration batchDelay) {
        SessionStore store = new SessionStore(batchDelay, true);
        try {
            store.thread.submit(() -> {
                Files.createDirectories(dir);
                store.db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(FILE_NAME));
                Schema.apply(store.db);
                store.rows = new Rows(store.db);
                return null;
            }).get();
        } catch (java.util.concurrent.ExecutionException e) {
            store.close();
            throw new UncheckedIOException(new IOException("cannot open the session in " + dir + ": "
                    + e.getCause().getMessage(), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.close();
            throw new IllegalStateException("interrupted while opening the session", e);
        }
        return store;
    }

    /** A store that keeps nothing (loads find nothing). */
    public static SessionStore none() {
        return new SessionStore(Duration.ZERO, false);
    }

    public boolean persistent() {
        return thread != null;
    }

    public CompletableFuture<List<StoredTorrent>> loadAll() {
        return query(() -> rows.load(null), List.of());
    }

    public CompletableFuture<Optional<StoredTorrent>> load(String infoHash) {
        return query(() -> rows.load(infoHash).stream().findFirst(), Optional.empty());
    }

    /** Runs blocking work (file stats for resume) on the store's thread; at once, here, for {@link #none()}. */
    public <T> CompletableFuture<T> io(Supplier<T> work) {
        if (thread == null) {
            return CompletableFuture.completedFuture(work.get());
        }
        try {
            return CompletableFuture.supplyAsync(work, thread);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public void saveTorrent(String infoHash, byte[] metainfo, String magnet, String savePath, long addedMillis) {
        write(infoHash, p -> p.torrent = () -> rows.putTorrent(infoHash, metainfo, magnet, savePath, addedMillis));
    }

    public void saveSettings(String infoHash, Settings settings) {
        write(infoHash, p -> p.settings = () -> rows.putSettings(infoHash, settings));
    }

    public void saveTotals(String infoHash, Totals totals) {
        write(infoHash, p -> p.totals = () -> rows.putTotals(infoHash, totals));
    }

    /** The files are stamped when the write happens (after {@code snapshot.takenMillis()}). */
    public void saveResume(String infoHash, ResumeSnapshot snapshot) {
        write(infoHash, p -> p.resume = () -> rows.putResume(infoHash, snapshot.stamp()));
    }

    public void savePeers(String infoHash, List<KnownPeer> peers) {
        List<KnownPeer> copy = List.copyOf(peers);
        write(infoHash, p -> p.peers = () -> rows.putPeers(infoHash, copy));
    }

    /** Forgets a torrent, and any write of it not yet made. */
    public void delete(String infoHash) {
        write(infoHash, p -> {
            p.clear();
            p.delete = () -> rows.delete(infoHash);
        });
    }

    /** Completes when every write asked for so far is in the database. */
    public CompletableFuture<Void> flush() {
        if (thread == null) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return CompletableFuture.runAsync(this::writePending, thread);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Writes what is pending and closes the database; waits for both (at most a few seconds). */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        try {
            thread.submit(() -> {
                writePending();
                if (db != null) {
                    db.close();
                }
                return null;
            });
        } catch (RejectedExecutionException e) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the session store did not close in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- on the store thread ----

    private void write(String infoHash, java.util.function.Consumer<PendingWrites> change) {
        if (thread == null) {
            return;
        }
        try {
            thread.execute(() -> {
                change.accept(pending.computeIfAbsent(infoHash, h -> new PendingWrites()));
                if (!flushScheduled) {
                    flushScheduled = true;
                    thread.schedule(this::writePending, batchDelay.toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("session store closed; a write of {} is dropped", infoHash);
        }
    }

    private void writePending() {
        flushScheduled = false;
        if (pending.isEmpty() || db == null) {
            return;
        }
        try {
            db.setAutoCommit(false);
            for (PendingWrites p : pending.values()) {
                p.run();
            }
            db.commit();
        } catch (SQLException e) {
            LOG.warn("writing the session failed: {}", e.getMessage());
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the connection is gone too; the next write tries again
            }
        } finally {
            pending.clear();
            try {
                db.setAutoCommit(true);
            } catch (SQLException ignored) {
                // as above
            }
        }
    }

    private <T> CompletableFuture<T> query(SqlSupplier<T> q, T none) {
        if (thread == null) {
            return CompletableFuture.completedFuture(none);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    writePending(); // a load sees every write asked for before it
                    result.complete(q.get());
                } catch (SQLException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @FunctionalInterface
    interface SqlSupplier<T> {
        T get() throws SQLException;
    }

    @FunctionalInterface
    interface SqlWrite {
        void run() throws SQLException;
    }

    /** One torrent's writes waiting for the next batch; the newest of each kind. */
    private static final class PendingWrites {
        SqlWrite delete;
        SqlWrite torrent;
        SqlWrite settings;
        SqlWrite totals;
        SqlWrite resume;
        SqlWrite peers;

        void clear() {
            torrent = settings = totals = resume = peers = null;
        }

        void run() throws SQLException {
            // A delete first; whatever was asked after it re-creates the torrent.
            for (SqlWrite w : new SqlWrite[] {delete, torrent, settings, totals, resume, peers}) {
                if (w != null) {
                    w.run();
                }
            }
        }
    }
}
