package dev.spate.cli;

import dev.spate.client.EventSubscription;
import dev.spate.client.TorrentClient;
import dev.spate.client.TorrentEvent;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Prints a client's events while a command runs, on a thread of its own: every event as a JSON
 * line on stdout ({@code --json}), and the notable ones as plain lines on stderr ({@code -v}).
 */
final class EventPrinter implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("spate-cli-events", true));
    private final EventSubscription subscription;
    private final Console console;
    private final boolean json;
    private final boolean verbose;

    EventPrinter(TorrentClient client, Console console, boolean json, boolean verbose) {
        this.console = console;
        this.json = json;
        this.verbose = verbose;
        this.subscription = client.subscribe(thread, this::print);
    }

    private void print(TorrentEvent e) {
        if (json) {
            console.out().print(EventJson.line(e));
            console.out().flush();
        }
        if (verbose) {
            String text = plain(e);
            if (text != null) {
                console.err().println("spate: " + e.name() + ": " + text);
            }
        }
    }

    private static String plain(TorrentEvent e) {
        if (e instanceof TorrentEvent.TrackerError t) {
            return "tracker " + t.tracker() + ": " + t.message();
        } else if (e instanceof TorrentEvent.PeerBanned b) {
            return "banned " + b.peer() + ": " + b.reason();
        } else if (e instanceof TorrentEvent.FileCompleted f) {
            return "file complete: " + f.path();
        } else if (e instanceof TorrentEvent.StateChanged s) {
            return EventJson.state(s.from()) + " -> " + EventJson.state(s.to());
        }
        return null;
    }

    /** After the client has closed: prints what is still queued, then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscription.close();
    }
}
