package dev.spate.client;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a torrent is added. Start from {@link #defaults()} and change what you need.
 *
 * @param filePriorities by file index (as in {@code Metainfo.files()}); files not named are normal.
 *                       For a magnet link they apply once the metadata has arrived.
 * @param paused         added stopped; {@link TorrentHandle#resume()} starts it
 * @param sequential     pieces in order rather than rarest first (for streaming)
 * @param limits         its limits; empty for the client's defaults
 * @param peers          peers to connect to besides those the trackers name
 * @param trackers       announce URLs to use besides the torrent's own, one tier each
 */
public record AddOptions(Map<Integer, FilePriority> filePriorities, boolean paused, boolean sequential,
        Optional<TorrentLimits> limits, List<InetSocketAddress> peers, List<String> trackers) {

    public AddOptions {
        filePriorities = Map.copyOf(filePriorities);
        Objects.requireNonNull(limits, "limits");
        peers = List.copyOf(peers);
        trackers = List.copyOf(trackers);
    }

    /** Every file wanted, started at once, rarest first, the client's limits. */
    public static AddOptions defaults() {
        return new AddOptions(Map.of(), false, false, Optional.empty(), List.of(), List.of());
    }

    public AddOptions withFilePriority(int file, FilePriority priority) {
        Map<Integer, FilePriority> m = new HashMap<>(filePriorities);
        m.put(file, priority);
        return withFilePriorities(m);
    }

    public AddOptions withFilePriorities(Map<Integer, FilePriority> priorities) {
        return new AddOptions(priorities, paused, sequential, limits, peers, trackers);
    }

    public AddOptions withPaused(boolean value) {
        return new AddOptions(filePriorities, value, sequential, limits, peers, trackers);
    }

    public AddOptions withSequential(boolean value) {
        return new AddOptions(filePriorities, paused, value, limits, peers, trackers);
    }

    public AddOptions withLimits(TorrentLimits value) {
        return new AddOptions(filePriorities, paused, sequential, Optional.of(value), peers, trackers);
    }

    public AddOptions withPeers(List<InetSocketAddress> value) {
        return new AddOptions(filePriorities, paused, sequential, limits, value, trackers);
    }

    public AddOptions withTrackers(List<String> value) {
        return new AddOptions(filePriorities, paused, sequential, limits, peers, value);
    }
}
