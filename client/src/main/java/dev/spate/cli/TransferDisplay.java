package dev.spate.cli;

import dev.spate.client.TorrentHandle;
import dev.spate.client.TorrentState;
import dev.spate.client.TorrentStatus;
import java.io.PrintStream;
import java.util.List;

/**
 * Progress of torrents on stderr: on a terminal one line per torrent redrawn in place, otherwise
 * a summary line every few seconds. Sizes count the wanted files only (skipped ones are left out).
 */
final class TransferDisplay {
    private static final long QUIET_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final boolean interactive;
    private final boolean quiet;
    private int linesDrawn;
    private long lastPrinted = Long.MIN_VALUE;

    TransferDisplay(Console console, boolean quiet) {
        this.err = console.err();
        this.interactive = console.interactive();
        this.quiet = quiet;
    }

    void update(List<? extends TorrentHandle> torrents) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        if (!interactive && lastPrinted != Long.MIN_VALUE && now - lastPrinted < QUIET_INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        StringBuilder sb = new StringBuilder();
        if (interactive && linesDrawn > 0) {
            sb.append("\033[").append(linesDrawn).append('F'); // back to the first line we drew
        }
        for (TorrentHandle t : torrents) {
            sb.append(line(t.name(), t.status()));
            sb.append(interactive ? "\033[K\n" : "\n");
        }
        err.print(sb);
        err.flush();
        linesDrawn = interactive ? torrents.size() : 0;
    }

    static String line(String name, TorrentStatus s) {
        String shown = name.length() > 32 ? name.substring(0, 29) + "..." : name;
        if (s.state() == TorrentState.CHECKING) {
            return String.format("%-32s checking %5.1f%%", shown, 100 * s.checkedFraction());
        }
        if (s.state() == TorrentState.FETCHING_METADATA) {
            return String.format("%-32s fetching metadata  peers %3d", shown, s.peers());
        }
        long eta = s.etaSeconds();
        return String.format("%-32s %5.1f%% %10s / %-10s peers %3d  down %10s/s  up %10s/s  %s", shown,
                100 * s.progress(), Sizes.format(s.wantedVerified()), Sizes.format(s.wantedBytes()), s.peers(),
                Sizes.format(s.downloadRate()), Sizes.format(s.uploadRate()),
                s.state() == TorrentState.DOWNLOADING ? "ETA " + (eta < 0 ? "?" : duration(eta))
                        : s.state().name().toLowerCase());
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
