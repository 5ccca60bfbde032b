package dev.spate.client.interop;

import dev.spate.interop.RealClient;
import java.time.Duration;
import java.util.Locale;

/**
 * The matrix cell a test is about: a test names it first thing (so that a skip or a failure is
 * recorded against it too) and reports the transfer rate when it has one. {@link MatrixReport}
 * hands one to each test and records its outcome.
 */
final class Cell {
    private String client = "?";
    private String version = "";
    private String direction = "";
    private String feature = "";
    private String mbps = "";

    /** The cell is about {@code client} in {@code direction}. */
    Cell is(RealClient c, Direction dir, String feat) {
        return is(c.name(), c.version().orElse("not installed"), dir.toString(), feat);
    }

    Cell is(String clientName, String clientVersion, String dir, String feat) {
        this.client = clientName;
        this.version = clientVersion;
        this.direction = dir;
        this.feature = feat;
        return this;
    }

    /** {@code bytes} moved in {@code elapsed}: the cell's MB/s (10^6 bytes per second). */
    void measured(long bytes, Duration elapsed) {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        mbps = String.format(Locale.ROOT, "%.1f", bytes / 1e6 / seconds);
    }

    String client() {
        return client;
    }

    MatrixRow row(String result) {
        return new MatrixRow(client, version, direction, feature, result, mbps);
    }
}
