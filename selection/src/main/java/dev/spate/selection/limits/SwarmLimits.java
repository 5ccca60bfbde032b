package dev.spate.selection.limits;

import dev.spate.selection.SelectionConfig;

/**
 * The limits of one torrent, as its swarm applies them.
 *
 * @param downloadRate   bytes per second we request at most; zero or less for no limit of its own
 * @param uploadRate     bytes per second peers are given to upload; zero or less for no limit of its own
 * @param maxConnections peers connected at once
 * @param uploadSlots    regular unchoke slots (negative: every interested peer)
 */
public record SwarmLimits(long downloadRate, long uploadRate, int maxConnections, int uploadSlots) {

    /** No rate limit; the connection and slot counts of the configuration. */
    public static SwarmLimits of(SelectionConfig config) {
        return new SwarmLimits(0, 0, config.maxConnections(), config.uploadSlots());
    }
}
