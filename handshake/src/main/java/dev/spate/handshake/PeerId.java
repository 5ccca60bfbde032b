package dev.spate.handshake;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The 20-byte id a peer announces in its handshake and to trackers. spate's own ids follow the
 * Azureus style of BEP 20: {@value #PREFIX} then 12 random printable bytes.
 */
public final class PeerId {
    public static final int LENGTH = 20;
    /** spate, version 0.1.0.0. */
    public static final String PREFIX = "-SP0100-";

    // URL-unreserved characters, so the id needs no escaping in a tracker announce.
    private static final byte[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-._~".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom SECURE = new SecureRandom();

    private final byte[] bytes;

    private PeerId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A peer id holding a copy of the 20 given bytes. */
    public static PeerId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a peer id has 20 bytes, not " + bytes.length);
        }
        return new PeerId(bytes.clone());
    }

    /** A fresh spate peer id. Thread-safe. */
    public static PeerId random() {
        return random(SECURE);
    }

    /** A spate peer id drawn from {@code random}; tests pass a seeded source. */
    public static PeerId random(RandomGenerator random) {
        byte[] id = Arrays.copyOf(PREFIX.getBytes(StandardCharsets.US_ASCII), LENGTH);
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new PeerId(id);
    }

    /** Reads 20 bytes at {@code index} without moving the reader index. */
    static PeerId read(ByteBuf in, int index) {
        byte[] id = new byte[LENGTH];
        in.getBytes(index, id);
        return new PeerId(id);
    }

    void writeTo(ByteBuf out) {
        out.writeBytes(bytes);
    }

    /** A copy of the 20 bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** A readable client name and version ("libtorrent 2.0.9"), for display only: ids are easy to fake. */
    public String client() {
        return ClientNames.describe(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Printable ASCII as is, any other byte as {@code %xx}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(LENGTH * 3);
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7f && b != '%') {
                sb.append((char) b);
            } else {
                sb.append('%').append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        return sb.toString();
    }
}
