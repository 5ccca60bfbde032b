package dev.spate.client.store;

/** A torrent's transfer over every session: payload bytes each way and time spent seeding. */
public record Totals(long downloaded, long uploaded, long seedingSeconds) {

    public static final Totals ZERO = new Totals(0, 0, 0);
}
