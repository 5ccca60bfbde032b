package dev.spate.selection.limits;

/**
 * One rate limit: a bucket of byte tokens refilled at {@code rate} per second from the selection
 * clock, holding at most a quarter second's worth (plus a block) so that an idle spell buys no
 * long burst. Spending may take it below zero (a block is indivisible); it then refuses until the
 * debt is paid, so over any stretch longer than the burst the bytes spent stay within the rate.
 * A rate of zero or less means no limit. Owned by the selection thread.
 */
public final class TokenBucket {
    private static final long SECOND = 1_000_000_000L;
    private static final int BLOCK = 16 * 1024;

    private long rate;
    private long capacity;
    private long tokens;
    private long last = Long.MIN_VALUE;
    private double fraction; // part of a token earned, carried to the next refill

    public TokenBucket(long bytesPerSecond) {
        setRate(bytesPerSecond);
    }

    /** Changes the rate; the bucket starts empty again. */
    public void setRate(long bytesPerSecond) {
        rate = Math.max(0, bytesPerSecond);
        capacity = rate / 4 + BLOCK;
        tokens = 0;
        fraction = 0;
    }

    public long rate() {
        return rate;
    }

    public boolean unlimited() {
        return rate == 0;
    }

    /** Adds the tokens earned since the last refill. Idempotent for the same instant. */
    public void refill(long nowNanos) {
        if (last == Long.MIN_VALUE || nowNanos - last < 0) {
            last = nowNanos;
            return;
        }
        long elapsed = Math.min(nowNanos - last, SECOND);
        last = nowNanos;
        if (unlimited()) {
            return;
        }
        double earned = rate * (elapsed / (double) SECOND) + fraction;
        long whole = (long) earned;
        fraction = earned - whole;
        tokens = Math.min(capacity, tokens + whole);
    }

    /** Tokens that may be spent now (zero while in debt); {@link Long#MAX_VALUE} without a limit. */
    public long available() {
        return unlimited() ? Long.MAX_VALUE : Math.max(0, tokens);
    }

    public void spend(long bytes) {
        if (!unlimited()) {
            tokens -= bytes;
        }
    }

    /** Gives back tokens spent on something that did not happen (a request the peer dropped). */
    public void refund(long bytes) {
        if (!unlimited()) {
            tokens = Math.min(capacity, tokens + bytes);
        }
    }
}
