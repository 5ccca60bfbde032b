package dev.spate.discovery;

import java.time.Duration;

/** Durations as messages show them: {@code 40 s}, or {@code 250 ms} when not whole seconds. */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
