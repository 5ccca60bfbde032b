package dev.spate.discovery.tracker.server;

import static dev.spate.discovery.tracker.TestRequests.hash;
import static dev.spate.discovery.tracker.TestRequests.peerId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.ScrapeStats;
import dev.spate.metainfo.InfoHash;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tracker's swarms: who sees whom, the caps that bound memory, expiry. No sockets, time by hand. */
class SwarmRegistryTest {
    static final byte[] LOCAL = {127, 0, 0, 1};
    static final long SECOND = 1_000_000_000L;

    TrackerConfig config = TrackerConfig.defaults().withInterval(Duration.ofSeconds(60));
    SwarmRegistry registry = new SwarmRegistry(config, new SplittableRandom(1));
    long now = 0;

    SwarmRegistry.Outcome announce(InfoHash h, int port, long left, AnnounceEvent event, int numWant) {
        return registry.announce(h, LOCAL, port, peerId('p'), event, left, numWant, SwarmRegistry.Family.ANY, now);
    }

    static List<Integer> ports(SwarmRegistry.Outcome o) {
        return o.peers().stream().map(Peer::port).toList();
    }

    @Test
    void peersSeeEachOtherButNotThemselves() {
        InfoHash h = hash(1);
        assertThat(ports(announce(h, 1, 10, AnnounceEvent.STARTED, -1))).isEmpty();
        SwarmRegistry.Outcome second = announce(h, 2, 0, AnnounceEvent.STARTED, -1);
        assertThat(ports(second)).containsExactly(1);
        assertThat(second.seeders()).isEqualTo(1);
        assertThat(second.leechers()).isEqualTo(1);
        assertThat(ports(announce(h, 1, 10, AnnounceEvent.NONE, -1))).containsExactly(2);
    }

    @Test
    void seedsAreNotSentOtherSeeds() {
        InfoHash h = hash(1);
        announce(h, 1, 0, AnnounceEvent.STARTED, -1);
        announce(h, 2, 5, AnnounceEvent.STARTED, -1);
        assertThat(ports(announce(h, 3, 0, AnnounceEvent.STARTED, -1))).containsExactly(2);
    }

    @Test
    void numWantIsClampedAndDefaulted() {
        InfoHash h = hash(1);
        for (int port = 1; port <= 300; port++) {
            announce(h, port, 1, AnnounceEvent.STARTED, 0);
        }
        assertThat(announce(h, 1000, 1, AnnounceEvent.NONE, Integer.MAX_VALUE).peers()).hasSize(200);
        assertThat(announce(h, 1000, 1, AnnounceEvent.NONE, -1).peers()).hasSize(50);
        assertThat(announce(h, 1000, 1, AnnounceEvent.NONE, 7).peers()).hasSize(7).doesNotHaveDuplicates();
        assertThat(announce(h, 1000, 1, AnnounceEvent.NONE, 0).peers()).isEmpty();
    }

    @Test
    void aFloodOfRandomInfoHashesKeepsOnlyTheNewestSwarms() {
        registry = new SwarmRegistry(config.withLimits(100, 10, 1000), new SplittableRandom(1));
        for (int i = 0; i < 20_000; i++) {
            announce(hash(i), 1, 1, AnnounceEvent.STARTED, -1);
        }
        assertThat(registry.swarmCount()).isEqualTo(100);
        assertThat(registry.peerCount()).isEqualTo(100);
        assertThat(registry.scrape(hash(19_999))).isEqualTo(new ScrapeStats(0, 0, 1));
        assertThat(registry.scrape(hash(0))).isEqualTo(new ScrapeStats(0, 0, 0));
    }

    @Test
    void aSwarmKeepsItsFreshestPeersUpToItsCap() {
        registry = new SwarmRegistry(config.withLimits(100, 5, 1000), new SplittableRandom(1));
        InfoHash h = hash(1);
        for (int port = 1; port <= 10; port++) {
            now += SECOND;
            announce(h, port, 1, AnnounceEvent.STARTED, 0);
        }
        assertThat(registry.peerCount()).isEqualTo(5);
        assertThat(ports(announce(h, 99, 1, AnnounceEvent.STARTED, 100))).containsExactlyInAnyOrder(7, 8, 9, 10);
    }

    @Test
    void theGlobalCapTakesFromTheStalestSwarms() {
        registry = new SwarmRegistry(config.withLimits(100, 5, 10), new SplittableRandom(1));
        for (int s = 1; s <= 3; s++) {
            for (int port = 1; port <= 5; port++) {
                announce(hash(s), port, 1, AnnounceEvent.STARTED, 0);
            }
        }
        assertThat(registry.peerCount()).isEqualTo(10);
        assertThat(registry.scrape(hash(1)).leechers()).isZero();
        assertThat(registry.scrape(hash(2)).leechers()).isEqualTo(5);
        assertThat(registry.scrape(hash(3)).leechers()).isEqualTo(5);
        assertThat(registry.swarmCount()).isEqualTo(2);
    }

    @Test
    void peersExpireAfterTwoSilentIntervals() {
        InfoHash h = hash(1);
        announce(h, 1, 1, AnnounceEvent.STARTED, 0);
        now += 60 * SECOND;
        announce(h, 2, 1, AnnounceEvent.STARTED, 0);
        now += 60 * SECOND;
        registry.expire(now);
        assertThat(registry.peerCount()).as("silent for exactly two intervals").isEqualTo(2);
        now += 1;
        registry.expire(now);
        assertThat(registry.peerCount()).as("silent for longer").isEqualTo(1);
        assertThat(ports(announce(h, 3, 1, AnnounceEvent.STARTED, 10))).containsExactly(2);
        now += 60 * SECOND;
        assertThat(ports(announce(h, 3, 1, AnnounceEvent.NONE, 10))).as("an announce expires lazily too")
                .isEmpty();
        now += 120 * SECOND;
        registry.expire(now);
        assertThat(registry.peerCount()).isEqualTo(1);
        now += 1;
        registry.expire(now);
        assertThat(registry.peerCount()).isZero();
        assertThat(registry.swarmCount()).isZero();
    }

    @Test
    void anAnnounceRenewsAPeerAndUpdatesWhetherItSeeds() {
        InfoHash h = hash(1);
        announce(h, 1, 10, AnnounceEvent.STARTED, 0);
        now += 100 * SECOND;
        SwarmRegistry.Outcome o = announce(h, 1, 0, AnnounceEvent.COMPLETED, 0);
        assertThat(o.seeders()).isEqualTo(1);
        assertThat(o.leechers()).isZero();
        now += 100 * SECOND;
        registry.expire(now);
        assertThat(registry.scrape(h)).isEqualTo(new ScrapeStats(1, 1, 0));
    }

    @Test
    void stoppedRemovesThePeerAndAnEmptySwarm() {
        InfoHash h = hash(1);
        announce(h, 1, 10, AnnounceEvent.STARTED, 0);
        SwarmRegistry.Outcome o = announce(h, 1, 10, AnnounceEvent.STOPPED, 50);
        assertThat(o.peers()).isEmpty();
        assertThat(registry.swarmCount()).isZero();
        announce(hash(2), 1, 10, AnnounceEvent.STOPPED, 50);
        assertThat(registry.swarmCount()).as("a stop creates nothing").isZero();
    }

    @Test
    void repliesCarryOnlyTheFamilyTheyCanEncode() {
        InfoHash h = hash(1);
        byte[] v6 = new byte[16];
        v6[15] = 1;
        registry.announce(h, v6, 1, peerId('a'), AnnounceEvent.STARTED, 1, 0, SwarmRegistry.Family.IPV6, now);
        announce(h, 2, 1, AnnounceEvent.STARTED, 0);
        assertThat(ports(registry.announce(h, LOCAL, 3, peerId('c'), AnnounceEvent.STARTED, 1, 50,
                SwarmRegistry.Family.IPV4, now))).containsExactly(2);
        assertThat(ports(registry.announce(h, v6, 4, peerId('d'), AnnounceEvent.STARTED, 1, 50,
                SwarmRegistry.Family.IPV6, now))).containsExactly(1);
        assertThat(ports(announce(h, 5, 1, AnnounceEvent.STARTED, 50))).containsExactlyInAnyOrder(1, 2, 3, 4);
    }
}
