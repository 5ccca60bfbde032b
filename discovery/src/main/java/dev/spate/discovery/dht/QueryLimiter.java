package dev.spate.discovery.dht;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides which incoming queries get an answer, so the node cannot be used to amplify traffic
 * toward a forged source address: a token bucket per source IP (the port is free to forge, so it
 * does not count), and one for all sources together. Sources tracked are capped; when the cap is
 * reached the buckets that have refilled are forgotten, then the least recently used.
 */
final class QueryLimiter {
    private final RateLimit perSource;
    private final TokenBucket global;
    private final int maxSources;
    private final LinkedHashMap<InetAddress, TokenBucket> sources = new LinkedHashMap<>(64, 0.75f, true);
    private long refused;

    QueryLimiter(RateLimit perSource, RateLimit global, int maxSources, long now) {
        this.perSource = perSource;
        this.global = new TokenBucket(global, now);
        this.maxSources = maxSources;
    }

    /** True if a query from {@code source} may be answered now; counts a refusal otherwise. */
    boolean allow(InetAddress source, long now) {
        TokenBucket bucket = sources.get(source);
        if (bucket == null) {
            if (sources.size() >= maxSources) {
                forget(now);
            }
            bucket = new TokenBucket(perSource, now);
            sources.put(source, bucket);
        }
        // The source's own bucket first: a flood from one address must not drain the global one.
        if (bucket.tryTake(now) && global.tryTake(now)) {
            return true;
        }
        refused++;
        return false;
    }

    long refused() {
        return refused;
    }

    int trackedSources() {
        return sources.size();
    }

    private void forget(long now) {
        sources.values().removeIf(b -> b.isFull(now));
        Iterator<Map.Entry<InetAddress, TokenBucket>> eldest = sources.entrySet().iterator();
        while (sources.size() >= maxSources && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }
}
