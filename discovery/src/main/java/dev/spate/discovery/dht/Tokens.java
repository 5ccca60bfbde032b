package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.metainfo.bencode.BString;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * get_peers tokens (BEP 5): the first bytes of SHA-1(secret, requester's IP, info hash). The secret
 * changes every five minutes and the previous one is still accepted, so a token is good for at
 * least five and at most ten minutes after it was given, and only from the address it was given to.
 */
final class Tokens {
    static final long ROTATION_NANOS = TimeUnit.MINUTES.toNanos(5);
    static final int TOKEN_BYTES = 8;
    private static final int SECRET_BYTES = 16;

    private final Random random;
    private final MessageDigest sha1;
    private byte[] current;
    private byte[] previous;
    private long rotatedAt;

    Tokens(Random random, long now) {
        this.random = random;
        try {
            this.sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
        this.current = secret();
        this.previous = secret();
        this.rotatedAt = now;
    }

    BString issue(InetAddress requester, NodeId infoHash, long now) {
        rotate(now);
        return BString.of(token(current, requester, infoHash));
    }

    boolean isValid(BString token, InetAddress requester, NodeId infoHash, long now) {
        rotate(now);
        if (token.length() != TOKEN_BYTES) {
            return false;
        }
        byte[] given = token.toByteArray();
        return MessageDigest.isEqual(given, token(current, requester, infoHash))
                || MessageDigest.isEqual(given, token(previous, requester, infoHash));
    }

    private void rotate(long now) {
        long periods = (now - rotatedAt) / ROTATION_NANOS;
        if (periods <= 0) {
            return;
        }
        // After two periods or more, both secrets are too old to keep.
        previous = periods == 1 ? current : secret();
        current = secret();
        rotatedAt += periods * ROTATION_NANOS;
    }

    private byte[] token(byte[] secret, InetAddress requester, NodeId infoHash) {
        sha1.update(secret);
        sha1.update(requester.getAddress());
        byte[] hash = new byte[NodeId.LENGTH];
        infoHash.copyTo(hash, 0);
        byte[] digest = sha1.digest(hash);
        byte[] out = new byte[TOKEN_BYTES];
        System.arraycopy(digest, 0, out, 0, TOKEN_BYTES);
        return out;
    }

    private byte[] secret() {
        byte[] s = new byte[SECRET_BYTES];
        random.nextBytes(s);
        return s;
    }
}
