package dev.spate.discovery.dht;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The answer rate limits, with time moved by hand. */
class QueryLimiterTest {
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    long now = 500 * SECOND;

    static InetAddress ip(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 198, 51, (byte) (n >> 8), (byte) n});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    int allowed(QueryLimiter limiter, InetAddress source, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            if (limiter.allow(source, now)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void oneSourceGetsItsBurstThenItsRate() {
        QueryLimiter limiter = new QueryLimiter(new RateLimit(5, 10), new RateLimit(1000, 1000), 100, now);
        assertThat(allowed(limiter, ip(1), 50)).isEqualTo(10);
        assertThat(limiter.refused()).isEqualTo(40);
        now += 2 * SECOND;
        assertThat(allowed(limiter, ip(1), 50)).isEqualTo(10);
        now += SECOND / 5;
        assertThat(allowed(limiter, ip(1), 50)).isEqualTo(1);
        assertThat(allowed(limiter, ip(2), 50)).as("another source is not held back").isEqualTo(10);
    }

    @Test
    void everySourceTogetherMeetsTheGlobalLimit() {
        QueryLimiter limiter = new QueryLimiter(new RateLimit(5, 10), new RateLimit(100, 100), 10_000, now);
        int total = 0;
        for (int source = 0; source < 1000; source++) {
            total += allowed(limiter, ip(source), 3);
        }
        assertThat(total).isEqualTo(100);
        now += SECOND;
        total = 0;
        for (int source = 1000; source < 2000; source++) {
            total += allowed(limiter, ip(source), 3);
        }
        assertThat(total).isEqualTo(100);
    }

    @Test
    void sourcesTrackedAreCapped() {
        QueryLimiter limiter = new QueryLimiter(new RateLimit(5, 10), new RateLimit(1e6, 1_000_000), 64, now);
        for (int source = 0; source < 10_000; source++) {
            limiter.allow(ip(source), now);
            assertThat(limiter.trackedSources()).isLessThanOrEqualTo(64);
        }
        assertThat(allowed(limiter, ip(20_000), 20)).isEqualTo(10);
    }
}
