package dev.spate.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The limits of one torrent. Rates are in bytes per second and shared fairly across its peers; a
 * torrent never goes faster than the client's global rates either.
 *
 * @param downloadRate    bytes per second at most; 0 for no limit of its own
 * @param uploadRate      bytes per second at most; 0 for no limit of its own
 * @param maxConnections  peers at once; 0 for the client's default
 * @param uploadSlots     peers uploaded to at once (plus one optimistic); 0 for the client's default,
 *                        negative for every interested peer
 * @param seedRatio       stop seeding once uploaded / max(downloaded, size wanted) reaches this
 * @param seedTime        stop seeding after seeding this long
 * @param seedLimitAction what to do when a seed limit is reached
 */
public record TorrentLimits(long downloadRate, long uploadRate, int maxConnections, int uploadSlots,
        OptionalDouble seedRatio, Optional<Duration> seedTime, SeedLimitAction seedLimitAction) {

    /** No limit of its own; the client's defaults. */
    public static final TorrentLimits NONE = new TorrentLimits(0, 0, 0, 0, OptionalDouble.empty(), Optional.empty(),
            SeedLimitAction.STOP);

    public TorrentLimits {
        Objects.requireNonNull(seedRatio, "seedRatio");
        Objects.requireNonNull(seedTime, "seedTime");
        Objects.requireNonNull(seedLimitAction, "seedLimitAction");
        if (downloadRate < 0 || uploadRate < 0 || maxConnections < 0) {
            throw new IllegalArgumentException("rates and connection limits must not be negative");
        }
        if (seedRatio.isPresent() && !(seedRatio.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("seed ratio must be 0 or more, got " + seedRatio.getAsDouble());
        }
        if (seedTime.isPresent() && seedTime.get().isNegative()) {
            throw new IllegalArgumentException("seed time must not be negative");
        }
    }

    public TorrentLimits withDownloadRate(long bytesPerSecond) {
        return new TorrentLimits(bytesPerSecond, uploadRate, maxConnections, uploadSlots, seedRatio, seedTime,
                seedLimitAction);
    }

    public TorrentLimits withUploadRate(long bytesPerSecond) {
        return new TorrentLimits(downloadRate, bytesPerSecond, maxConnections, uploadSlots, seedRatio, seedTime,
                seedLimitAction);
    }

    public TorrentLimits withMaxConnections(int connections) {
        return new TorrentLimits(downloadRate, uploadRate, connections, uploadSlots, seedRatio, seedTime,
                seedLimitAction);
    }

    public TorrentLimits withUploadSlots(int slots) {
        return new TorrentLimits(downloadRate, uploadRate, maxConnections, slots, seedRatio, seedTime,
                seedLimitAction);
    }

    public TorrentLimits withSeedRatio(double ratio) {
        return new TorrentLimits(downloadRate, uploadRate, maxConnections, uploadSlots, OptionalDouble.of(ratio),
                seedTime, seedLimitAction);
    }

    public TorrentLimits withSeedTime(Duration time) {
        return new TorrentLimits(downloadRate, uploadRate, maxConnections, uploadSlots, seedRatio,
                Optional.of(time), seedLimitAction);
    }

    public TorrentLimits withSeedLimitAction(SeedLimitAction action) {
        return new TorrentLimits(downloadRate, uploadRate, maxConnections, uploadSlots, seedRatio, seedTime, action);
    }

    /** True if a seed ratio or a seed time is set. */
    public boolean hasSeedLimit() {
        return seedRatio.isPresent() || seedTime.isPresent();
    }
}
