package dev.spate.cli;

import dev.spate.client.ClientConfig;
import dev.spate.client.TorrentClient;
import dev.spate.client.TorrentFailedException;
import dev.spate.client.TorrentHandle;
import dev.spate.client.TorrentState;
import dev.spate.metainfo.MetainfoException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the torrents of a {@link TransferPlan} in a client until the plan says it is done, an error
 * stops one, progress stops for longer than {@code --stop-timeout}, or Ctrl-C. Closing the client
 * announces {@code stopped}, writes the session and takes a few seconds at most.
 */
final class TransferSession {
    private TransferSession() {
    }

    static int run(Console console, Interrupts interrupts, ClientConfig config, TransferPlan plan)
            throws InterruptedException {
        long started = System.nanoTime();
        if (plan.verbose()) {
            verboseLogging();
        }
        TorrentClient client = open(config);
        EventPrinter printer = plan.json() || plan.verbose()
                ? new EventPrinter(client, console, plan.json(), plan.verbose()) : null;
        try (client) {
            if (!plan.quiet()) {
                console.err().println("spate: listening for peers on port " + client.listenPort());
            }
            List<TorrentHandle> handles = new ArrayList<>();
            List<CompletableFuture<Long>> doneAt = new ArrayList<>();
            for (TransferPlan.Item item : plan.items()) {
                TorrentHandle h = add(client, item, plan);
                doneAt.add(h.completion().thenApply(v -> System.nanoTime()));
                handles.add(h);
            }
            return loop(console, interrupts, plan, handles, started, doneAt);
        } finally {
            if (printer != null) {
                printer.close();
            }
        }
    }

    private static int loop(Console console, Interrupts interrupts, TransferPlan plan, List<TorrentHandle> handles,
            long started, List<CompletableFuture<Long>> doneAt) throws InterruptedException {
        TransferDisplay display = new TransferDisplay(console, plan.quiet());
        Progress progress = new Progress(plan.stopTimeout());
        while (true) {
            display.update(handles);
            if (interrupts.await(console.interactive() ? 500 : 1000, TimeUnit.MILLISECONDS)) {
                if (!plan.quiet()) {
                    console.err().println("spate: stopping (Ctrl-C again to quit at once)");
                }
                return ExitCode.INTERRUPTED;
            }
            failure(handles);
            if (done(plan.until(), handles)) {
                display.update(handles);
                if (!plan.quiet()) {
                    summary(console, handles, started, doneAt);
                }
                return ExitCode.OK;
            }
            if (progress.stalled(handles)) {
                throw new UserError(ExitCode.NO_PROGRESS, "no progress for " + plan.stopTimeout().get().toSeconds()
                        + " s (--stop-timeout); run the same command again to resume");
            }
        }
    }

    /** {@code -v}: the library's info messages too (the command line's log4j configuration says warn). */
    private static void verboseLogging() {
        try {
            org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.INFO);
        } catch (LinkageError e) {
            // no log4j-core on the class path: the library's messages go wherever the application sends them
        }
    }

    private static TorrentClient open(ClientConfig config) throws InterruptedException {
        try {
            return TorrentClient.create(config);
        } catch (IllegalStateException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while starting");
            }
            throw e;
        } catch (UncheckedIOException | io.netty.channel.ChannelException e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            if (reason != null && reason.startsWith("cannot open the session")) {
                throw new UserError(ExitCode.DISK, reason);
            }
            throw new UserError(ExitCode.UNEXPECTED, "cannot listen on " + config.listenAddress() + ": " + reason);
        }
    }

    private static TorrentHandle add(TorrentClient client, TransferPlan.Item item, TransferPlan plan) {
        try {
            return client.add(item.source(), plan.dir(), item.options());
        } catch (IllegalArgumentException | MetainfoException e) {
            throw UserError.badTorrent(item.shown(), e.getMessage());
        }
    }

    private static boolean done(TransferPlan.Until until, List<TorrentHandle> handles) {
        return switch (until) {
            case COMPLETE -> handles.stream().allMatch(h -> h.completion().isDone());
            case SEED_LIMITS -> handles.stream().allMatch(h -> h.status().state() == TorrentState.FINISHED
                    || h.status().state() == TorrentState.REMOVED);
            case INTERRUPTED -> false;
        };
    }

    /** Throws the error of the first torrent that failed: a disk error (4) names the path and the reason. */
    private static void failure(List<TorrentHandle> handles) throws InterruptedException {
        for (TorrentHandle h : handles) {
            if (h.completion().isCompletedExceptionally() && h.status().state() != TorrentState.REMOVED) {
                try {
                    h.completion().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof TorrentFailedException) {
                        throw new UserError(ExitCode.DISK, h.name() + ": " + cause.getMessage());
                    }
                    throw new UserError(ExitCode.UNEXPECTED, h.name() + ": " + cause);
                }
            }
        }
    }

    /** Watches for {@code --stop-timeout}: data verified or moved counts as progress. */
    private static final class Progress {
        private final long timeoutNanos;
        private long last = -1;
        private long since = System.nanoTime();

        Progress(java.util.Optional<java.time.Duration> timeout) {
            this.timeoutNanos = timeout.map(java.time.Duration::toNanos).orElse(-1L);
        }

        boolean stalled(List<TorrentHandle> handles) {
            if (timeoutNanos < 0) {
                return false;
            }
            long moved = 0;
            for (TorrentHandle h : handles) {
                moved += h.status().bytesVerified() + h.status().downloaded() + h.status().uploaded();
            }
            long now = System.nanoTime();
            if (moved != last) {
                last = moved;
                since = now;
            }
            return now - since > timeoutNanos;
        }
    }

    private static void summary(Console console, List<TorrentHandle> handles, long startedNanos,
            List<CompletableFuture<Long>> doneAt) {
        for (int i = 0; i < handles.size(); i++) {
            TorrentHandle h = handles.get(i);
            if (!doneAt.get(i).isDone() || doneAt.get(i).isCompletedExceptionally()) {
                continue;
            }
            double seconds = Math.max(1e-3, (doneAt.get(i).join() - startedNanos) / 1e9);
            long bytes = h.status().downloaded();
            if (bytes == 0) {
                console.err().printf("spate: %s: complete (nothing to download)%n", h.name());
            } else {
                console.err().printf("spate: %s: complete, %s downloaded in %.1f s (%s/s)%n", h.name(),
                        Sizes.format(bytes), seconds, Sizes.format((long) (bytes / seconds)));
            }
        }
    }
}
