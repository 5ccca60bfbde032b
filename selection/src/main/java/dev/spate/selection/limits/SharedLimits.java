package dev.spate.selection.limits;

/**
 * The limits every swarm of a client shares: the global download and upload rates and the global
 * connection count. Each tick a swarm claims a share of each rate; the share is the tokens
 * available when the tick began divided by the swarms that claimed in the previous tick, so
 * torrents split a global limit evenly, and a torrent that stops wanting bandwidth leaves its
 * share to the others within a tick. Owned by the selection thread.
 */
public final class SharedLimits {
    private final Rate download = new Rate();
    private final Rate upload = new Rate();
    private int maxConnections;
    private int connections;

    /** @param maxConnections connections across all torrents; zero or less for no limit */
    public SharedLimits(long downloadRate, long uploadRate, int maxConnections) {
        setRates(downloadRate, uploadRate);
        this.maxConnections = maxConnections;
    }

    public static SharedLimits unlimited() {
        return new SharedLimits(0, 0, 0);
    }

    public void setRates(long downloadRate, long uploadRate) {
        if (downloadRate != download.bucket.rate()) {
            download.bucket.setRate(downloadRate);
        }
        if (uploadRate != upload.bucket.rate()) {
            upload.bucket.setRate(uploadRate);
        }
    }

    public void setMaxConnections(int max) {
        maxConnections = max;
    }

    public TokenBucket download() {
        return download.bucket;
    }

    public TokenBucket upload() {
        return upload.bucket;
    }

    /** The part of the global download rate one swarm may hand out this tick. */
    public long claimDownload(long now) {
        return download.claim(now);
    }

    public long claimUpload(long now) {
        return upload.claim(now);
    }

    public void connectionOpened() {
        connections++;
    }

    public void connectionClosed() {
        connections--;
    }

    public int connections() {
        return connections;
    }

    /** Connections that may still be opened; {@link Integer#MAX_VALUE} without a limit. */
    public int freeConnections() {
        return maxConnections <= 0 ? Integer.MAX_VALUE : Math.max(0, maxConnections - connections);
    }

    public boolean overConnectionLimit() {
        return maxConnections > 0 && connections > maxConnections;
    }

    /** A global rate, who claimed it in the last tick, and this tick's even share. */
    private static final class Rate {
        final TokenBucket bucket = new TokenBucket(0);
        long tick = Long.MIN_VALUE;
        int claimants;
        long share;

        long claim(long now) {
            if (now != tick) {
                tick = now;
                bucket.refill(now);
                share = bucket.available() / Math.max(claimants, 1);
                claimants = 0;
            }
            claimants++;
            return bucket.unlimited() ? Long.MAX_VALUE : share;
        }
    }
}
