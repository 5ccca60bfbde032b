package dev.spate.cli;

import dev.spate.client.ClientConfig;
import dev.spate.client.TorrentClient;
import dev.spate.client.TorrentFailedException;
import dev.spate.client.TorrentHandle;
import dev.spate.metainfo.Metainfo;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs torrents in a client until they are done (download) or until interrupted (seed). */
final class TransferSession {
    private TransferSession() {
    }

    static int run(Console console, Interrupts interrupts, ClientConfig config, List<Metainfo> torrents, Path dir,
            List<InetSocketAddress> peers, boolean untilInterrupted, boolean quiet) throws InterruptedException {
        long started = System.nanoTime();
        TorrentClient client;
        try {
            client = TorrentClient.create(config);
        } catch (UncheckedIOException | io.netty.channel.ChannelException e) {
            throw new UserError(ExitCode.UNEXPECTED, "cannot listen on " + config.listenAddress() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        try (client) {
            if (!quiet) {
                console.err().println("spate: listening for peers on port " + client.listenPort());
            }
            List<TorrentHandle> handles = new ArrayList<>();
            List<CompletableFuture<Long>> doneAt = new ArrayList<>();
            for (Metainfo m : torrents) {
                TorrentHandle h = add(client, m, dir);
                peers.forEach(h::addPeer);
                doneAt.add(h.completion().thenApply(v -> System.nanoTime()));
                handles.add(h);
            }
            TransferDisplay display = new TransferDisplay(console, quiet);
            while (true) {
                display.update(handles);
                if (interrupts.await(console.interactive() ? 500 : 1000, TimeUnit.MILLISECONDS)) {
                    if (!quiet) {
                        console.err().println("spate: stopping (Ctrl-C again to quit at once)");
                    }
                    return ExitCode.INTERRUPTED;
                }
                int failed = firstFailure(handles, console);
                if (failed != 0) {
                    return failed;
                }
                if (!untilInterrupted && handles.stream().allMatch(h -> h.completion().isDone())) {
                    display.update(handles);
                    if (!quiet) {
                        summary(console, handles, started, doneAt);
                    }
                    return ExitCode.OK;
                }
            }
        }
    }

    private static TorrentHandle add(TorrentClient client, Metainfo m, Path dir) {
        try {
            return client.add(m, dir);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.BAD_TORRENT, e.getMessage());
        }
    }

    /** The exit code of the first torrent that failed, or 0. */
    private static int firstFailure(List<TorrentHandle> handles, Console console) throws InterruptedException {
        for (TorrentHandle h : handles) {
            if (h.completion().isCompletedExceptionally()) {
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
        return 0;
    }

    private static void summary(Console console, List<TorrentHandle> handles, long startedNanos,
            List<CompletableFuture<Long>> doneAt) {
        for (int i = 0; i < handles.size(); i++) {
            TorrentHandle h = handles.get(i);
            double seconds = Math.max(1e-3, (doneAt.get(i).join() - startedNanos) / 1e9);
            long bytes = h.status().downloaded();
            console.err().printf("spate: %s: complete, %s downloaded in %.1f s (%s/s)%n", h.name(),
                    Sizes.format(bytes), seconds, Sizes.format((long) (bytes / seconds)));
        }
    }
}
