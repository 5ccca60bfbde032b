package dev.spate.discovery.dht;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.Await;
import dev.spate.discovery.ErrorLogCheck;
import dev.spate.discovery.Ticker;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A private DHT of spate nodes on 127.0.0.1, random ports, each bootstrapping from one node started
 * before it: an announce by one node is found by another's iterative get_peers lookup.
 */
@ExtendWith(ErrorLogCheck.class)
class PrivateDhtTest {
    static final int NODES = 24;
    static final Duration DEADLINE = Duration.ofSeconds(30);
    final Random random = new Random(2024);
    EventLoopGroup group;
    final List<DhtNode> nodes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        group = new NioEventLoopGroup(2);
    }

    @AfterEach
    void tearDown() {
        nodes.forEach(DhtNode::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    DhtNode start(DhtConfig config) throws Exception {
        DhtNode node = DhtNode.start(config, group, Ticker.system());
        nodes.add(node);
        return node;
    }

    void startSwarm(DhtConfig base) throws Exception {
        start(base);
        for (int i = 1; i < NODES; i++) {
            DhtNode from = nodes.get(random.nextInt(i));
            start(base.withBootstrap(List.of(from.localAddress())));
        }
        Await.until("every node knows eight others", DEADLINE, () -> nodes.stream()
                .allMatch(n -> n.stats().join().nodes() >= 8));
        System.out.println("private DHT: nodes known by each: " + nodes.stream()
                .map(n -> Integer.toString(n.stats().join().nodes())).toList());
    }

    InfoHash randomHash() {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return InfoHash.of(b);
    }

    @Test
    void anAnnounceByOneNodeIsFoundByAnother() throws Exception {
        startSwarm(DhtConfig.loopback());
        InfoHash hash = randomHash();
        LookupResult announced = nodes.get(3).announce(hash, 51413).get(20, TimeUnit.SECONDS);
        assertThat(announced.announcedTo()).as("nodes that stored our peer").isGreaterThanOrEqualTo(4);

        Set<InetSocketAddress> found = ConcurrentHashMap.newKeySet();
        LookupResult lookup = nodes.get(NODES - 2).getPeers(hash, (h, peers) -> {
            assertThat(h).isEqualTo(hash);
            found.addAll(peers);
        }).get(20, TimeUnit.SECONDS);
        assertThat(found).containsExactly(new InetSocketAddress(InetAddress.getLoopbackAddress(), 51413));
        assertThat(lookup.peers()).isEqualTo(1);
        assertThat(lookup.responded()).as("an iterative lookup asks several nodes").isGreaterThanOrEqualTo(3);

        int storing = 0;
        for (DhtNode n : nodes) {
            storing += n.stats().join().storedPeers();
        }
        assertThat(storing).isEqualTo(announced.announcedTo());
    }

    @Test
    void aLateNodeBootstrappedFromOneNodeFindsPeersAnnouncedWithAnImpliedPort() throws Exception {
        startSwarm(DhtConfig.loopback());
        InfoHash hash = randomHash();
        DhtNode announcer = nodes.get(0);
        nodes.get(0).announce(hash, 1, true, (h, p) -> { }).get(20, TimeUnit.SECONDS);
        DhtNode late = start(DhtConfig.loopback().withBootstrap(List.of(nodes.get(NODES - 1).localAddress())));
        Set<InetSocketAddress> found = ConcurrentHashMap.newKeySet();
        late.getPeers(hash, (h, peers) -> found.addAll(peers)).get(20, TimeUnit.SECONDS);
        assertThat(found).containsExactly(announcer.localAddress());
    }

    @Test
    void aNodeWithNoBootstrapJoinsThroughAPortMessage() throws Exception {
        startSwarm(DhtConfig.loopback());
        InfoHash hash = randomHash();
        nodes.get(4).announce(hash, 7777).get(20, TimeUnit.SECONDS);
        DhtNode lonely = start(DhtConfig.loopback());
        assertThat(lonely.getPeers(hash, (h, p) -> { }).get(5, TimeUnit.SECONDS).queried()).isZero();
        // BEP 5's port message: a peer says its DHT node listens there.
        lonely.addNode(nodes.get(9).localAddress());
        Await.until("the node it was told of is in its table", DEADLINE, () -> lonely.stats().join().nodes() >= 1);
        Set<InetSocketAddress> found = ConcurrentHashMap.newKeySet();
        lonely.getPeers(hash, (h, peers) -> found.addAll(peers)).get(20, TimeUnit.SECONDS);
        assertThat(found).containsExactly(new InetSocketAddress(InetAddress.getLoopbackAddress(), 7777));
    }

    @Test
    void anIpv6SwarmOnTheLoopbackFindsPeersToo() throws Exception {
        InetAddress v6;
        try {
            v6 = InetAddress.getByName("::1");
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(canBind(v6), "::1 is not available on this machine");
        startSwarm(DhtConfig.loopback().withBindAddress(v6));
        InfoHash hash = randomHash();
        nodes.get(1).announce(hash, 6881).get(20, TimeUnit.SECONDS);
        Set<InetSocketAddress> found = ConcurrentHashMap.newKeySet();
        nodes.get(NODES - 1).getPeers(hash, (h, peers) -> found.addAll(peers)).get(20, TimeUnit.SECONDS);
        assertThat(found).containsExactly(new InetSocketAddress(v6, 6881));
    }

    @Test
    void aRestartedNodeComesBackFromItsStoredTable() throws Exception {
        startSwarm(DhtConfig.loopback());
        RoutingTableStore store = RoutingTableStore.inMemory();
        DhtNode first = start(DhtConfig.loopback().withStore(store).withBootstrap(List.of(nodes.get(0).localAddress())));
        Await.until("the new node fills its table", DEADLINE, () -> first.stats().join().nodes() >= 8);
        first.close();
        RoutingTableSnapshot saved = store.load().orElseThrow();
        assertThat(saved.ownId()).isEqualTo(first.id());
        assertThat(saved.nodes()).hasSizeGreaterThanOrEqualTo(8);

        DhtNode again = start(DhtConfig.loopback().withStore(store));
        assertThat(again.id()).isEqualTo(first.id());
        Await.until("the restarted node refills its table with no bootstrap node", DEADLINE,
                () -> again.stats().join().nodes() >= 8);
    }

    static boolean canBind(InetAddress a) {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress(a, 0))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
