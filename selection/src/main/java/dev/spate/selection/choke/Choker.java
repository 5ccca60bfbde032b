package dev.spate.selection.choke;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Decides which peers we upload to, for one torrent. Pure logic: candidates in, the set to
 * unchoke out; time and randomness are injected.
 *
 * <ul>
 *   <li>While leeching, the regular slots go to the interested peers that upload to us fastest
 *       (tit-for-tat); a snubbed peer earns no regular slot (anti-snubbing).</li>
 *   <li>While seeding, they go to the peers we upload to fastest, which spreads the torrent fastest.</li>
 *   <li>One more slot is an optimistic unchoke, given to a random choked interested peer and kept for
 *       {@code optimisticInterval}; newcomers are three times as likely to get it, so they get
 *       something to trade.</li>
 * </ul>
 * A negative slot count means unlimited: every interested peer is unchoked.
 */
public final class Choker {
    private final int slots;
    private final long optimisticNanos;
    private final RandomGenerator random;
    private int optimistic = -1;
    private long optimisticSince;

    public Choker(int uploadSlots, Duration optimisticInterval, RandomGenerator random) {
        this.slots = uploadSlots;
        this.optimisticNanos = optimisticInterval.toNanos();
        this.random = random;
    }

    /** The peer holding the optimistic unchoke, or -1. */
    public int optimisticPeer() {
        return optimistic;
    }

    public Set<Integer> decide(List<ChokeCandidate> candidates, boolean seeding, long nowNanos) {
        Set<Integer> unchoke = new HashSet<>();
        List<ChokeCandidate> interested = new ArrayList<>();
        for (ChokeCandidate c : candidates) {
            if (c.interested()) {
                interested.add(c);
            }
        }
        if (slots < 0) {
            interested.forEach(c -> unchoke.add(c.peerId()));
            return unchoke;
        }
        Comparator<ChokeCandidate> byRate = seeding
                ? Comparator.comparingLong(ChokeCandidate::uploadRate).reversed()
                : Comparator.comparingLong(ChokeCandidate::downloadRate).reversed();
        // Ties keep the currently unchoked peers, so equal peers are not flapped every round.
        byRate = byRate.thenComparing(c -> !c.unchoked());
        interested.stream()
                .filter(c -> seeding || !c.snubbed())
                .sorted(byRate)
                .limit(slots)
                .forEach(c -> unchoke.add(c.peerId()));

        boolean keep = optimistic >= 0 && nowNanos - optimisticSince < optimisticNanos
                && interested.stream().anyMatch(c -> c.peerId() == optimistic);
        if (!keep) {
            optimistic = drawOptimistic(interested, unchoke);
            optimisticSince = nowNanos;
        }
        if (optimistic >= 0) {
            unchoke.add(optimistic);
        }
        return unchoke;
    }

    private int drawOptimistic(List<ChokeCandidate> interested, Set<Integer> regular) {
        List<ChokeCandidate> pool = new ArrayList<>();
        for (ChokeCandidate c : interested) {
            if (!regular.contains(c.peerId())) {
                int weight = c.newcomer() ? 3 : 1;
                for (int i = 0; i < weight; i++) {
                    pool.add(c);
                }
            }
        }
        return pool.isEmpty() ? -1 : pool.get(random.nextInt(pool.size())).peerId();
    }
}
