package dev.spate.discovery.dht;

/** One token bucket; time in nanoseconds from the caller's ticker. */
final class TokenBucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long updatedAt;

    TokenBucket(RateLimit rate, long now) {
        this.perNano = rate.perSecond() / 1e9;
        this.burst = rate.burst();
        this.tokens = burst;
        this.updatedAt = now;
    }

    /** Takes one token if there is one. */
    boolean tryTake(long now) {
        refill(now);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** True once the bucket has refilled completely: it then holds nothing worth remembering. */
    boolean isFull(long now) {
        refill(now);
        return tokens >= burst;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perNano);
            updatedAt = now;
        }
    }
}
