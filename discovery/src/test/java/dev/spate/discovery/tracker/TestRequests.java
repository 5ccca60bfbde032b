package dev.spate.discovery.tracker;

import dev.spate.metainfo.InfoHash;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/** Announce requests and info hashes for tests. */
public final class TestRequests {
    private TestRequests() {
    }

    /** A peer id of 20 times {@code b}. */
    public static byte[] peerId(char b) {
        byte[] id = new byte[20];
        Arrays.fill(id, (byte) b);
        return id;
    }

    public static InfoHash hash(int seed) {
        byte[] h = new byte[20];
        new Random(seed).nextBytes(h);
        return InfoHash.of(h);
    }

    public static AnnounceRequest announce(InfoHash hash, char peer, int port, long left, AnnounceEvent event) {
        return new AnnounceRequest(hash, peerId(peer), port, 0, 0, left, event, 50, peer, Optional.empty());
    }
}
