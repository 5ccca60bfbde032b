package dev.spate.selection;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The addresses a torrent could connect to, where they came from, and how they fared: failed
 * dials back off, peers earn trust with good pieces and lose it with bad ones and protocol
 * violations (banned for a while when it runs out, as libtorrent's trust points), and the list
 * is capped (the oldest untried addresses go first) so a flood of addresses costs bounded memory.
 * Owned by the selection thread.
 */
final class PeerCandidates {
    /** Trust of a new address; a good piece adds one (up to {@link #MAX_TRUST}); a ban comes at {@link #BAN_TRUST}. */
    static final int MAX_TRUST = 8;
    static final int BAN_TRUST = -7;
    static final int BAD_PIECE = 2;
    static final int VIOLATION = 3;
    private static final long SECOND = 1_000_000_000L;
    private static final long BAN_NANOS = 3600 * SECOND;

    private static final class Candidate {
        long nextAttempt;
        int failures;
        int trust;
        long bannedUntil;
        boolean connected;
        boolean dialing;
        /** It had every piece when last connected: a seed has no reason to dial it again. */
        boolean seed;
    }

    private final Map<InetSocketAddress, Candidate> known = new LinkedHashMap<>();
    private final int capacity;

    PeerCandidates(int capacity) {
        this.capacity = capacity;
    }

    int size() {
        return known.size();
    }

    /** Adds addresses heard of (tracker, PEX, DHT, the user); known ones are left as they are. */
    void add(InetSocketAddress address) {
        if (known.containsKey(address)) {
            return;
        }
        if (known.size() >= capacity && !evictOne()) {
            return;
        }
        known.put(address, new Candidate());
    }

    private boolean evictOne() {
        for (Iterator<Candidate> it = known.values().iterator(); it.hasNext(); ) {
            Candidate c = it.next();
            if (!c.connected && !c.dialing && c.bannedUntil == 0) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /**
     * Up to {@code max} addresses worth dialing now; they are marked as being dialed. A seed
     * ({@code weSeed}) skips the addresses known to be seeds too.
     */
    List<InetSocketAddress> toDial(int max, long now, boolean weSeed) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (Map.Entry<InetSocketAddress, Candidate> e : known.entrySet()) {
            if (out.size() >= max) {
                break;
            }
            Candidate c = e.getValue();
            if (!c.connected && !c.dialing && now >= c.nextAttempt && now >= c.bannedUntil && !(weSeed && c.seed)) {
                c.dialing = true;
                out.add(e.getKey());
            }
        }
        return out;
    }

    void connected(InetSocketAddress address) {
        Candidate c = known.computeIfAbsent(address, a -> new Candidate());
        c.connected = true;
        c.dialing = false;
        c.failures = 0;
    }

    /** A dial failed or a connection ended; try again later, later each time. */
    void disconnected(InetSocketAddress address, boolean failed, long now) {
        Candidate c = known.get(address);
        if (c == null) {
            return;
        }
        c.connected = false;
        c.dialing = false;
        if (failed) {
            c.failures++;
        }
        long backoff = Math.min(300, 5L << Math.min(c.failures, 6)) * SECOND;
        c.nextAttempt = now + backoff;
        if (c.failures >= 8) {
            known.remove(address); // it never answers: forget it
        }
    }

    /** The peer at {@code address} has every piece. */
    void seed(InetSocketAddress address) {
        Candidate c = known.get(address);
        if (c != null) {
            c.seed = true;
        }
    }

    /** The address sent part of a piece that passed its hash check. */
    void trusted(InetSocketAddress address) {
        Candidate c = known.get(address);
        if (c != null) {
            c.trust = Math.min(MAX_TRUST, c.trust + 1);
        }
    }

    /** Takes {@code points} of trust; returns true if that got the address banned. */
    boolean distrust(InetSocketAddress address, int points, long now) {
        Candidate c = known.computeIfAbsent(address, a -> new Candidate());
        c.trust -= points;
        if (c.trust <= BAN_TRUST) {
            ban(address, now);
            return true;
        }
        return false;
    }

    void ban(InetSocketAddress address, long now) {
        Candidate c = known.computeIfAbsent(address, a -> new Candidate());
        c.bannedUntil = now + BAN_NANOS;
        c.trust = 0;
    }

    boolean isBanned(InetSocketAddress address, long now) {
        Candidate c = known.get(address);
        return c != null && now < c.bannedUntil;
    }
}
