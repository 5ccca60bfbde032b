package dev.spate.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.protocol.peer.BlockTarget;
import dev.spate.protocol.peer.Blocks;
import dev.spate.protocol.peer.PeerLink;
import dev.spate.protocol.peer.PeerOrders;
import dev.spate.protocol.peer.PeerReport;
import dev.spate.protocol.peer.PieceSet;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Selection logic with fake peers and a fake disk budget: no threads, no sockets, no sleeps. */
class SwarmTest {
    private static final int PIECE = 4 * Swarm.BLOCK_SIZE;

    /** A block target that only counts: the "disk" of these tests. */
    private final class Token implements BlockTarget {
        @Override
        public void deliver(int piece, int offset, ByteBuf data, int peerId) {
            tokensOut--;
        }

        @Override
        public void release() {
            tokensOut--;
        }
    }

    private int tokensOut;
    private int tokenLimit = 1000;
    private final List<Runnable> budgetWaiters = new ArrayList<>();
    private final List<Integer> verified = new ArrayList<>();
    private final List<InetSocketAddress> dialed = new ArrayList<>();
    private final List<String> banned = new ArrayList<>();
    private boolean finished;
    private Swarm swarm;
    private long now = 1_000_000_000L;

    /** A fake peer end: records the orders it gets and gives the batches back at once. */
    private final class FakePeer implements PeerLink.Downstream {
        final PeerLink link;
        final List<long[]> requests = new ArrayList<>(); // piece, offset
        final List<BlockTarget> targets = new ArrayList<>();
        final List<Long> cancels = new ArrayList<>();
        Boolean interested;
        Boolean choked;
        boolean bitfieldSent;
        String disconnect;

        FakePeer(int id) {
            link = new PeerLink(id, 2, new PeerLink.Upstream() {
                @Override
                public void reportReady(PeerLink l, PeerReport report) {
                    swarm.onReport(l, report, now);
                }

                @Override
                public void ordersSlotFree(PeerLink l) {
                    swarm.ordersSlotFree(l);
                }
            });
            link.bind(Runnable::run, this);
        }

        @Override
        public void execute(PeerOrders orders) {
            for (int i = 0; i < orders.requestCount(); i++) {
                requests.add(new long[] {orders.requestPiece(i), orders.requestOffset(i), orders.requestLength(i)});
                targets.add(orders.requestTarget(i));
            }
            for (int i = 0; i < orders.cancels.size(); i++) {
                cancels.add(orders.cancels.get(i));
            }
            interested = orders.interested != null ? orders.interested : interested;
            choked = orders.choke != null ? orders.choke : choked;
            bitfieldSent |= orders.sendBitfield;
            disconnect = orders.disconnect != null ? orders.disconnect : disconnect;
            link.ordersDone(orders);
        }

        @Override
        public void resume() {
        }

        void report(java.util.function.Consumer<PeerReport> fill) {
            fill.accept(link.report());
            link.flushReport();
            swarm.flush();
        }

        /** Delivers the oldest outstanding request's block. */
        long deliverOne() {
            long[] r = requests.remove(0);
            targets.remove(0).deliver((int) r[0], (int) r[1], null, link.peerId());
            long packed = Blocks.pack((int) r[0], (int) r[1]);
            report(rep -> {
                rep.blocksReceived.add(packed);
                rep.bytesDownloaded += r[2];
            });
            return packed;
        }
    }

    @BeforeEach
    void setUp() {
        newSwarm(3 * PIECE + 100, new PieceSet(4));
    }

    private void newSwarm(long total, PieceSet have) {
        BlockBudget budget = new BlockBudget() {
            @Override
            public int blocksAvailable() {
                return tokenLimit - tokensOut;
            }

            @Override
            public BlockTarget tryReserve(int piece, int offset, int length) {
                if (tokensOut >= tokenLimit) {
                    return null;
                }
                tokensOut++;
                return new Token();
            }

            @Override
            public void whenAvailable(Runnable wakeUp) {
                budgetWaiters.add(wakeUp);
            }
        };
        SwarmListener listener = new SwarmListener() {
            @Override
            public void pieceVerified(int piece) {
                verified.add(piece);
            }

            @Override
            public void finished() {
                finished = true;
            }

            @Override
            public void peerBanned(InetSocketAddress address, String reason) {
                banned.add(address + ": " + reason);
            }
        };
        swarm = new Swarm("test", PIECE, total, have, budget, listener, dialed::add,
                SelectionConfig.defaults(), new SplittableRandom(1), () -> swarm.budgetAvailable());
    }

    private FakePeer join(int id) {
        FakePeer peer = new FakePeer(id);
        swarm.peerJoined(peer.link, new InetSocketAddress("127.0.0.1", 7000 + id), now);
        swarm.flush();
        return peer;
    }

    @Test
    void aSeedThatUnchokesUsGetsRequestsForEveryBlockAndTheTorrentFinishes() {
        FakePeer seed = join(1);
        assertThat(seed.bitfieldSent).isTrue();
        seed.report(r -> r.haveAll = true);
        assertThat(seed.interested).isTrue();
        assertThat(seed.requests).as("nothing before unchoke").isEmpty();
        seed.report(r -> {
            r.chokeChanged = true;
            r.peerChoking = false;
        });
        assertThat(seed.requests).hasSize(13); // 3 full pieces of 4 blocks and one of 100 bytes
        assertThat(seed.requests).anySatisfy(r -> assertThat(r).containsExactly(3, 0, 100));
        while (!seed.requests.isEmpty()) {
            seed.deliverOne();
        }
        for (int p = 0; p < 4; p++) {
            swarm.pieceVerified(p);
        }
        swarm.flush();
        assertThat(verified).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(finished).isTrue();
        assertThat(seed.interested).isFalse();
        assertThat(seed.disconnect).isEqualTo("we are both seeds");
        assertThat(tokensOut).isZero();
        swarm.picker().checkInvariants();
    }

    @Test
    void noBudgetNoRequestAndRequestingResumesWhenBudgetReturns() {
        tokenLimit = 2;
        FakePeer seed = join(1);
        seed.report(r -> {
            r.haveAll = true;
            r.chokeChanged = true;
            r.peerChoking = false;
        });
        assertThat(seed.requests).hasSize(2);
        assertThat(budgetWaiters).hasSize(1);
        seed.deliverOne(); // frees one token, which the refill after the report takes at once
        assertThat(seed.requests).hasSize(2);
        tokenLimit = 4;
        budgetWaiters.remove(0).run();
        swarm.flush();
        assertThat(seed.requests).hasSize(4);
        assertThat(tokensOut).isEqualTo(4);
    }

    @Test
    void aPeerGoingAwayFreesItsBlocksForAnother() {
        FakePeer a = join(1);
        a.report(r -> {
            r.haveAll = true;
            r.chokeChanged = true;
            r.peerChoking = false;
        });
        int requested = a.requests.size();
        FakePeer b = join(2);
        b.report(r -> {
            r.haveAll = true;
            r.chokeChanged = true;
            r.peerChoking = false;
        });
        assertThat(b.requests).as("in end game b duplicates a's requests").hasSize(requested);
        a.targets.forEach(BlockTarget::release); // the peer releases its tokens as it closes
        a.report(r -> {
            r.closed = true;
            r.closeReason = "test";
        });
        long packed = b.deliverOne();
        assertThat(a.cancels).doesNotContain(packed);
        swarm.picker().checkInvariants();
    }

    @Test
    void endGameCancelsTheDuplicateWhenOneCopyArrives() {
        FakePeer a = join(1);
        FakePeer b = join(2);
        for (FakePeer p : List.of(a, b)) {
            p.report(r -> {
                r.haveAll = true;
                r.chokeChanged = true;
                r.peerChoking = false;
            });
        }
        long packed = a.deliverOne();
        assertThat(b.cancels).contains(packed);
    }

    @Test
    void aSoleContributorOfABadPieceIsBannedAndDisconnected() {
        FakePeer a = join(1);
        a.report(r -> {
            r.haveAll = true;
            r.chokeChanged = true;
            r.peerChoking = false;
        });
        swarm.pieceFailed(0, new int[] {1}, now);
        swarm.flush();
        assertThat(banned).hasSize(1);
        assertThat(a.disconnect).startsWith("banned");
    }

    @Test
    void peersWithNothingWeWantStayUninteresting() {
        FakePeer a = join(1);
        byte[] bitfield = {0x00};
        a.report(r -> r.bitfield = bitfield);
        assertThat(a.interested).isNull();
        a.report(r -> r.haves.add(2));
        assertThat(a.interested).isTrue();
    }

    private static PieceSet allOf(int pieces) {
        PieceSet have = new PieceSet(pieces);
        for (int p = 0; p < pieces; p++) {
            have.set(p);
        }
        return have;
    }

    @Test
    void aSeedDialsTheLeechersItHearsOf() {
        // Transmission never dials 127.0.0.0/8 peers: it gets data only from a seed that dials it.
        newSwarm(3 * PIECE + 100, allOf(4));
        InetSocketAddress leecher = new InetSocketAddress("127.0.0.1", 7100);
        swarm.addCandidates(List.of(leecher));
        swarm.tick(now += 2_000_000_000L);
        assertThat(dialed).containsExactly(leecher);
    }

    @Test
    void aSeedDoesNotDialAgainAPeerThatWasASeedToo() {
        newSwarm(3 * PIECE + 100, allOf(4));
        FakePeer other = join(1);
        other.report(r -> r.haveAll = true);
        assertThat(other.disconnect).isEqualTo("we are both seeds");
        other.report(r -> {
            r.closed = true;
            r.closeReason = other.disconnect;
        });
        for (int second = 0; second < 600; second++) {
            swarm.tick(now += 1_000_000_000L);
        }
        assertThat(dialed).isEmpty();
    }
}
