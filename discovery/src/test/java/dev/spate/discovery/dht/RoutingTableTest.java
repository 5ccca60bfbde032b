package dev.spate.discovery.dht;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.dht.RoutingTable.Insert;
import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BEP 5's routing table as plain logic: time is a number the test moves. */
class RoutingTableTest {
    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    final Random random = new Random(42);
    final NodeId own = NodeId.random(random);
    long now = 1_000 * MINUTE;
    int nextPort = 10_000;

    RoutingTable table(boolean oneNodePerAddress) {
        return new RoutingTable(own, oneNodePerAddress, c -> true, now);
    }

    /** A node whose id shares exactly {@code prefix} leading bits with ours. */
    NodeContact node(int prefix) {
        return new NodeContact(NodeId.randomWithPrefix(own.flipBit(prefix), prefix + 1, random), address(1));
    }

    InetSocketAddress address(int host) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, (byte) (host >> 8), (byte) host}),
                    nextPort++);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Eight good nodes in the far half, and a split, so that bucket 0 is full and cannot split again. */
    List<NodeContact> fillFarHalf(RoutingTable t) {
        List<NodeContact> far = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            far.add(node(0));
            t.responded(far.get(i), now);
        }
        t.responded(node(3), now);
        return far;
    }

    @Test
    void anEmptyTableSplitsAlongOurIdAsNodesComeNear() {
        RoutingTable t = table(false);
        for (int i = 0; i < 8; i++) {
            assertThat(t.responded(node(0), now)).isEqualTo(Insert.ADDED);
        }
        assertThat(t.bucketCount()).isEqualTo(1);
        // A ninth node in the far half: the only bucket holds our id, so it splits, and the far half is full.
        assertThat(t.responded(node(0), now)).isEqualTo(Insert.CACHED);
        assertThat(t.bucketCount()).isEqualTo(2);
        for (int i = 0; i < 8; i++) {
            assertThat(t.responded(node(5), now)).isEqualTo(Insert.ADDED);
        }
        assertThat(t.responded(node(7), now)).isEqualTo(Insert.ADDED);
        assertThat(t.bucketCount()).isEqualTo(7);
        assertThat(t.size()).isEqualTo(17);
        t.checkInvariants();
    }

    @Test
    void aFullFarBucketKeepsNewcomersAsReplacementsUntilANodeGoesBad() {
        RoutingTable t = table(false);
        List<NodeContact> far = fillFarHalf(t);
        NodeContact newcomer = node(0);
        assertThat(t.responded(newcomer, now)).isEqualTo(Insert.CACHED);
        assertThat(t.contains(newcomer.id())).isFalse();
        t.failed(far.get(2).address(), now);
        assertThat(t.contains(far.get(2).id())).as("one failure: questionable, kept").isTrue();
        t.failed(far.get(2).address(), now);
        assertThat(t.contains(far.get(2).id())).as("two failures: bad, replaced").isFalse();
        assertThat(t.contains(newcomer.id())).isTrue();
        t.checkInvariants();
    }

    @Test
    void aBadNodeIsReplacedByTheNextNodeThatAnswers() {
        RoutingTable t = table(false);
        List<NodeContact> far = fillFarHalf(t);
        t.failed(far.get(0).address(), now);
        t.failed(far.get(0).address(), now);
        assertThat(t.statusOf(far.get(0).id(), now)).isEqualTo(NodeStatus.BAD);
        assertThat(t.responded(node(0), now)).isEqualTo(Insert.REPLACED);
        assertThat(t.contains(far.get(0).id())).isFalse();
        t.checkInvariants();
    }

    @Test
    void livenessFollowsBep5() {
        RoutingTable t = table(false);
        NodeContact n = node(0);
        t.responded(n, now);
        assertThat(t.statusOf(n.id(), now + 14 * MINUTE)).isEqualTo(NodeStatus.GOOD);
        assertThat(t.statusOf(n.id(), now + 15 * MINUTE)).isEqualTo(NodeStatus.QUESTIONABLE);
        assertThat(t.questionable(now + 15 * MINUTE)).containsExactly(n);
        // A query from a node that has answered before makes it good again.
        assertThat(t.queried(n, now + 20 * MINUTE)).isTrue();
        assertThat(t.statusOf(n.id(), now + 30 * MINUTE)).isEqualTo(NodeStatus.GOOD);
        assertThat(t.statusOf(n.id(), now + 35 * MINUTE)).isEqualTo(NodeStatus.QUESTIONABLE);
        t.failed(n.address(), now + 36 * MINUTE);
        t.failed(n.address(), now + 37 * MINUTE);
        assertThat(t.statusOf(n.id(), now + 37 * MINUTE)).isEqualTo(NodeStatus.BAD);
        t.responded(n, now + 38 * MINUTE);
        assertThat(t.statusOf(n.id(), now + 38 * MINUTE)).as("an answer clears the failures").isEqualTo(NodeStatus.GOOD);
    }

    @Test
    void closestIsOrderedByXorDistanceAndLeavesBadNodesOut() {
        RoutingTable t = table(false);
        List<NodeContact> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            NodeContact n = node(random.nextInt(12));
            if (t.responded(n, now) == Insert.ADDED) {
                all.add(n);
            }
        }
        NodeContact bad = all.get(3);
        t.failed(bad.address(), now);
        t.failed(bad.address(), now);
        NodeId target = NodeId.random(random);
        List<NodeContact> expected = all.stream().filter(n -> !n.equals(bad))
                .sorted(Comparator.comparing(NodeContact::id, target::compareDistance)).limit(8).toList();
        assertThat(t.closest(target, 8, now)).containsExactlyElementsOf(expected);
    }

    @Test
    void aLiveNodeKeepsItsIdAndARestartedAddressGetsItsNewId() {
        RoutingTable t = table(false);
        NodeContact n = node(1);
        t.responded(n, now);
        NodeContact impostor = new NodeContact(n.id(), address(2));
        assertThat(t.responded(impostor, now)).isEqualTo(Insert.REJECTED);
        NodeContact restarted = new NodeContact(NodeId.random(random), n.address());
        t.responded(restarted, now);
        assertThat(t.contains(n.id())).isFalse();
        assertThat(t.contains(restarted.id())).isTrue();
        t.checkInvariants();
    }

    @Test
    void withOneNodePerAddressASecondNodeOnAnIpIsRejected() {
        RoutingTable t = table(true);
        NodeContact first = node(1);
        NodeContact sameIp = new NodeContact(node(2).id(), new InetSocketAddress(first.address().getAddress(), 1));
        t.responded(first, now);
        assertThat(t.hasRoomFor(sameIp, now)).isFalse();
        assertThat(t.responded(sameIp, now)).isEqualTo(Insert.REJECTED);
        assertThat(table(false).responded(sameIp, now)).isEqualTo(Insert.ADDED);
    }

    @Test
    void inadmissibleNodesAndOurOwnIdNeverEnter() {
        RoutingTable t = new RoutingTable(own, false, c -> c.address().getPort() % 2 == 0, now);
        nextPort = 101;
        assertThat(t.responded(node(1), now)).isEqualTo(Insert.REJECTED);
        assertThat(t.responded(new NodeContact(own, address(3)), now)).isEqualTo(Insert.REJECTED);
        assertThat(t.size()).isZero();
    }

    @Test
    void refreshTargetsFallInTheirStaleBuckets() {
        RoutingTable t = table(false);
        for (int i = 0; i < 30; i++) {
            t.responded(node(random.nextInt(6)), now);
        }
        List<NodeId> targets = t.refreshTargets(now + 15 * MINUTE, 15 * MINUTE, random);
        assertThat(targets).hasSize(t.bucketCount());
        for (int i = 0; i < targets.size(); i++) {
            int cpl = own.commonPrefixLength(targets.get(i));
            assertThat(i == targets.size() - 1 ? cpl >= i : cpl == i).as("target %d has prefix %d", i, cpl).isTrue();
        }
        assertThat(t.refreshTargets(now + 16 * MINUTE, 15 * MINUTE, random)).as("just refreshed").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void invariantsHoldThroughRandomOperations(long seed) {
        Random r = new Random(seed);
        for (boolean onePerIp : new boolean[] {false, true}) {
            RoutingTable t = table(onePerIp);
            List<NodeContact> known = new ArrayList<>();
            for (int step = 0; step < 5_000; step++) {
                int op = r.nextInt(10);
                if (op < 5 || known.isEmpty()) {
                    // Mostly far nodes, some near our id, some at addresses seen before.
                    int prefix = r.nextInt(4) == 0 ? r.nextInt(40) : r.nextInt(4);
                    NodeContact n = r.nextInt(8) == 0 && !known.isEmpty()
                            ? new NodeContact(node(prefix).id(), known.get(r.nextInt(known.size())).address())
                            : new NodeContact(node(prefix).id(), address(r.nextInt(64)));
                    known.add(n);
                    t.responded(n, now);
                } else if (op < 7) {
                    t.failed(known.get(r.nextInt(known.size())).address(), now);
                } else if (op < 8) {
                    t.responded(known.get(r.nextInt(known.size())), now);
                } else if (op < 9) {
                    t.queried(known.get(r.nextInt(known.size())), now);
                } else {
                    now += r.nextInt(5) * MINUTE;
                }
                t.checkInvariants();
            }
            assertThat(t.size()).isPositive();
        }
    }
}
