package dev.spate.discovery.dht;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.dht.krpc.NodeId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Announced peers: expiry, caps, address families. */
class PeerStoreTest {
    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    final Random random = new Random(9);
    long now = 100 * MINUTE;

    static InetSocketAddress peer(int n) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 1000 + n);
    }

    @Test
    void peersExpireAfterTheirTimeToLiveUnlessTheyAnnounceAgain() {
        PeerStore store = new PeerStore(10, 10, 30 * MINUTE);
        NodeId hash = NodeId.random(random);
        store.add(hash, peer(1), now);
        store.add(hash, peer(2), now);
        now += 20 * MINUTE;
        store.add(hash, peer(2), now);
        now += 15 * MINUTE;
        assertThat(store.peers(hash, true, 50, random, now)).containsExactly(peer(2));
        store.expire(now);
        assertThat(store.peerCount()).isEqualTo(1);
        now += 30 * MINUTE;
        store.expire(now);
        assertThat(store.torrentCount()).isZero();
        assertThat(store.peerCount()).isZero();
    }

    @Test
    void capsEvictTheStalest() {
        PeerStore store = new PeerStore(3, 4, 30 * MINUTE);
        NodeId[] hashes = new NodeId[5];
        for (int i = 0; i < 5; i++) {
            hashes[i] = NodeId.random(random);
            for (int p = 0; p < 6; p++) {
                store.add(hashes[i], peer(p), now++);
            }
        }
        assertThat(store.torrentCount()).isEqualTo(3);
        assertThat(store.peerCount()).isEqualTo(12);
        assertThat(store.peers(hashes[0], true, 50, random, now)).isEmpty();
        assertThat(store.peers(hashes[4], true, 50, random, now)).containsExactlyInAnyOrder(peer(2), peer(3), peer(4),
                peer(5));
    }

    @Test
    void aReplyCarriesAtMostItsShareAndOnlyTheAskedFamily() throws Exception {
        PeerStore store = new PeerStore(3, 500, 30 * MINUTE);
        NodeId hash = NodeId.random(random);
        for (int p = 0; p < 300; p++) {
            store.add(hash, peer(p), now);
        }
        store.add(hash, new InetSocketAddress(InetAddress.getByName("::1"), 7), now);
        assertThat(store.peers(hash, true, 50, random, now)).hasSize(50).doesNotHaveDuplicates();
        assertThat(store.peers(hash, false, 50, random, now)).hasSize(1);
    }
}
