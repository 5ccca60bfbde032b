package dev.spate.selection.choke;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChokerTest {
    private static final long SECOND = 1_000_000_000L;

    private static ChokeCandidate peer(int id, long down, long up) {
        return new ChokeCandidate(id, true, down, up, false, false, false);
    }

    @Test
    void leechingUnchokesTheFastestUploadersPlusOneOptimistic() {
        Choker choker = new Choker(2, Duration.ofSeconds(30), new SplittableRandom(1));
        List<ChokeCandidate> peers = List.of(peer(1, 100, 0), peer(2, 500, 0), peer(3, 300, 0), peer(4, 10, 0));
        Set<Integer> unchoked = choker.decide(peers, false, 0);
        assertThat(unchoked).contains(2, 3).hasSize(3);
        assertThat(choker.optimisticPeer()).isIn(1, 4);
    }

    @Test
    void seedingUnchokesThePeersWeUploadToFastest() {
        Choker choker = new Choker(1, Duration.ofSeconds(30), new SplittableRandom(1));
        Set<Integer> unchoked = choker.decide(List.of(peer(1, 0, 900), peer(2, 0, 100)), true, 0);
        assertThat(unchoked).contains(1).hasSize(2);
    }

    @Test
    void uninterestedPeersAreNeverUnchokedAndSnubbedOnesGetNoRegularSlot() {
        Choker choker = new Choker(1, Duration.ofSeconds(30), new SplittableRandom(1));
        List<ChokeCandidate> peers = List.of(
                new ChokeCandidate(1, false, 1000, 0, false, false, false),
                new ChokeCandidate(2, true, 900, 0, true, false, false));
        Set<Integer> unchoked = choker.decide(peers, false, 0);
        assertThat(unchoked).containsExactly(2);
        assertThat(choker.optimisticPeer()).as("the snubbed peer only gets the optimistic slot").isEqualTo(2);
    }

    @Test
    void theOptimisticUnchokeRotatesOnlyAfterItsInterval() {
        Choker choker = new Choker(0, Duration.ofSeconds(30), new SplittableRandom(3));
        List<ChokeCandidate> peers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            peers.add(peer(i, 0, 0));
        }
        choker.decide(peers, false, 0);
        int first = choker.optimisticPeer();
        assertThat(choker.decide(peers, false, 10 * SECOND)).containsExactly(first);
        assertThat(choker.decide(peers, false, 20 * SECOND)).containsExactly(first);
        boolean rotated = false;
        for (int round = 0; round < 10 && !rotated; round++) {
            choker.decide(peers, false, (31 + 31 * round) * SECOND);
            rotated = choker.optimisticPeer() != first;
        }
        assertThat(rotated).isTrue();
    }

    @Test
    void newcomersAreFavouredForTheOptimisticSlot() {
        int newcomerWins = 0;
        for (int seed = 0; seed < 400; seed++) {
            Choker choker = new Choker(0, Duration.ofSeconds(30), new SplittableRandom(seed));
            choker.decide(List.of(peer(1, 0, 0), new ChokeCandidate(2, true, 0, 0, false, false, true)), false, 0);
            if (choker.optimisticPeer() == 2) {
                newcomerWins++;
            }
        }
        assertThat(newcomerWins).isBetween(250, 350); // 3 to 1 odds: about 300 of 400
    }

    @Test
    void unlimitedSlotsUnchokeEveryInterestedPeer() {
        Choker choker = new Choker(-1, Duration.ofSeconds(30), new SplittableRandom(1));
        List<ChokeCandidate> peers = List.of(peer(1, 0, 0), peer(2, 0, 0),
                new ChokeCandidate(3, false, 0, 0, false, false, false));
        assertThat(choker.decide(peers, false, 0)).containsExactlyInAnyOrder(1, 2);
    }
}
