package dev.spate.discovery.tracker.server;

import dev.spate.discovery.Ticker;
import dev.spate.discovery.tracker.wire.CompactPeers;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless UDP connection ids (BEP 15's "syn cookie like approach"): an id is the first 8 bytes of
 * HMAC-SHA256(secret, client address, client port, time bucket), so the tracker remembers nothing
 * per client. A bucket is one minute; an id is accepted in its own bucket and the two after, so it
 * stays valid for at least the two minutes BEP 15 asks of trackers. Not thread-safe: one per event loop.
 */
final class ConnectionIds {
    static final Duration BUCKET = Duration.ofMinutes(1);
    private static final int BUCKETS_ACCEPTED = 3;

    private final Mac mac;
    private final Ticker ticker;
    private final long bucketNanos;
    private final byte[] input = new byte[16 + 2 + 8];

    ConnectionIds(Ticker ticker) {
        this(ticker, newSecret(), BUCKET);
    }

    ConnectionIds(Ticker ticker, byte[] secret, Duration bucket) {
        this.ticker = ticker;
        this.bucketNanos = bucket.toNanos();
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    long issue(InetSocketAddress client) {
        return id(client, bucket());
    }

    boolean isValid(long id, InetSocketAddress client) {
        long now = bucket();
        for (int i = 0; i < BUCKETS_ACCEPTED; i++) {
            if (id(client, now - i) == id) {
                return true;
            }
        }
        return false;
    }

    private long bucket() {
        return Math.floorDiv(ticker.nanoTime(), bucketNanos);
    }

    private long id(InetSocketAddress client, long bucket) {
        byte[] ip = CompactPeers.unmap(client.getAddress()).getAddress();
        int n = ip.length;
        System.arraycopy(ip, 0, input, 0, n);
        input[n++] = (byte) (client.getPort() >> 8);
        input[n++] = (byte) client.getPort();
        for (int i = 7; i >= 0; i--) {
            input[n++] = (byte) (bucket >>> (8 * i));
        }
        mac.update(input, 0, n);
        byte[] digest = mac.doFinal();
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = id << 8 | (digest[i] & 0xff);
        }
        return id;
    }

    private static byte[] newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
