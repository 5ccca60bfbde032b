package dev.spate.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spate.protocol.peer.BlockTarget;
import dev.spate.protocol.peer.Blocks;
import dev.spate.protocol.peer.PeerLink;
import dev.spate.protocol.peer.PeerOrders;
import dev.spate.protocol.peer.PeerReport;
import dev.spate.protocol.peer.PieceSet;
import dev.spate.selection.limits.SharedLimits;
import dev.spate.selection.limits.SwarmLimits;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rate limits as the selection thread applies them, on a simulated clock: requests follow the
 * download rate, upload quotas follow the upload rate, and peers share both evenly.
 */
class BandwidthTest {
    private static final long MS = 1_000_000L;
    private static final int PIECE = 256 * 1024;
    private static final int PIECES = 4000;

    private long now = 1_000 * MS;
    private Swarm swarm;

    /** Reports go straight to the swarm under test, on this thread. */
    private final PeerLink.Upstream toSwarm = new PeerLink.Upstream() {
        @Override
        public void reportReady(PeerLink l, PeerReport report) {
            swarm.onReport(l, report, now);
        }

        @Override
        public void ordersSlotFree(PeerLink l) {
            swarm.ordersSlotFree(l);
        }
    };

    /** A peer that answers every request at once and uploads whole blocks while its quota lasts. */
    private final class Peer implements PeerLink.Downstream {
        final PeerLink link;
        final ArrayDeque<long[]> pending = new ArrayDeque<>();
        long quota = -1;
        String disconnect;
        long received;
        long sent;

        Peer(int id) {
            link = new PeerLink(id, 4, toSwarm);
            link.bind(Runnable::run, this);
        }

        @Override
        public void execute(PeerOrders orders) {
            for (int i = 0; i < orders.requestCount(); i++) {
                pending.add(new long[] {orders.requestPiece(i), orders.requestOffset(i), orders.requestLength(i)});
                orders.requestTarget(i).release();
            }
            if (orders.uploadQuota != null) {
                quota = orders.uploadQuota;
            }
            disconnect = orders.disconnect != null ? orders.disconnect : disconnect;
            link.ordersDone(orders);
        }

        @Override
        public void resume() {
        }

        void report(java.util.function.Consumer<PeerReport> fill) {
            fill.accept(link.report());
            link.flushReport();
        }

        /** One step of the wire: deliver what we asked for, upload what the quota allows. */
        void step(boolean uploading) {
            List<long[]> delivered = new ArrayList<>(pending);
            pending.clear();
            long up = 0;
            while (uploading && quota != 0) {
                up += Swarm.BLOCK_SIZE;
                quota = quota < 0 ? -1 : Math.max(0, quota - Swarm.BLOCK_SIZE);
                if (quota < 0 && up >= 1 << 20) {
                    break;
                }
            }
            long upBytes = up;
            sent += up;
            report(r -> {
                for (long[] d : delivered) {
                    r.blocksReceived.add(Blocks.pack((int) d[0], (int) d[1]));
                    r.bytesDownloaded += d[2];
                    received += d[2];
                }
                r.bytesUploaded += upBytes;
            });
        }
    }

    private void newSwarm(SwarmLimits limits, SharedLimits shared) {
        BlockBudget budget = new BlockBudget() {
            @Override
            public int blocksAvailable() {
                return 1_000_000;
            }

            @Override
            public BlockTarget tryReserve(int piece, int offset, int length) {
                return new BlockTarget() {
                    @Override
                    public void deliver(int p, int o, ByteBuf data, int peerId) {
                    }

                    @Override
                    public void release() {
                    }
                };
            }

            @Override
            public void whenAvailable(Runnable wakeUp) {
            }
        };
        SwarmListener quiet = new SwarmListener() {
            @Override
            public void pieceVerified(int piece) {
            }

            @Override
            public void finished() {
            }

            @Override
            public void peerBanned(InetSocketAddress address, String reason) {
            }
        };
        swarm = new Swarm("bw", PIECE, (long) PIECE * PIECES, new PieceSet(PIECES), budget, quiet, a -> { },
                SelectionConfig.defaults().withUploadSlots(-1), new SplittableRandom(7), () -> { });
        swarm.setSharedLimits(shared);
        swarm.setLimits(limits);
    }

    private Peer seedThatUnchokes(int id) {
        Peer p = new Peer(id);
        swarm.peerJoined(p.link, new InetSocketAddress("127.0.0.1", 9000 + id), now);
        p.report(r -> {
            r.haveAll = true;
            r.chokeChanged = true;
            r.peerChoking = false;
            r.interestChanged = true;
            r.peerInterested = true;
        });
        swarm.flush();
        return p;
    }

    /** Runs the simulated clock in 100 ms ticks for the given time. */
    private void run(List<Peer> peers, long millis, boolean uploading) {
        for (long t = 0; t < millis; t += 100) {
            now += 100 * MS;
            swarm.tick(now);
            swarm.flush();
            for (Peer p : peers) {
                p.step(uploading);
            }
            swarm.flush();
        }
    }

    @Test
    void requestsFollowTheTorrentsDownloadRateAndPeersShareIt() {
        newSwarm(new SwarmLimits(200_000, 0, 50, -1), SharedLimits.unlimited());
        List<Peer> peers = List.of(seedThatUnchokes(1), seedThatUnchokes(2), seedThatUnchokes(3));
        run(peers, 2_000, false);
        long before = peers.stream().mapToLong(p -> p.received).sum();
        run(peers, 10_000, false);
        long bytes = peers.stream().mapToLong(p -> p.received).sum() - before;
        assertThat((double) bytes).isCloseTo(2_000_000, within(100_000.0));
        for (Peer p : peers) {
            assertThat((double) p.received).as("each peer gets a third").isCloseTo(bytes * 1.2 / 3, within(bytes * 0.1));
        }
    }

    @Test
    void theGlobalDownloadRateIsSplitBetweenTorrents() {
        SharedLimits shared = new SharedLimits(300_000, 0, 0);
        newSwarm(new SwarmLimits(0, 0, 50, -1), shared);
        Swarm first = swarm;
        List<Peer> firstPeers = List.of(seedThatUnchokes(1));
        newSwarm(new SwarmLimits(0, 0, 50, -1), shared);
        Swarm second = swarm;
        List<Peer> secondPeers = List.of(seedThatUnchokes(2));
        for (long t = 0; t < 12_000; t += 100) {
            now += 100 * MS;
            for (Swarm s : List.of(first, second)) {
                swarm = s;
                s.tick(now);
                s.flush();
                (s == first ? firstPeers : secondPeers).forEach(p -> p.step(false));
                s.flush();
            }
        }
        long a = firstPeers.get(0).received;
        long b = secondPeers.get(0).received;
        assertThat((double) (a + b)).isCloseTo(3_600_000, within(360_000.0));
        assertThat((double) a).isCloseTo(b, within((a + b) * 0.1));
    }

    @Test
    void uploadQuotasFollowTheUploadRate() {
        newSwarm(new SwarmLimits(0, 300_000, 50, -1), SharedLimits.unlimited());
        List<Peer> peers = List.of(seedThatUnchokes(1), seedThatUnchokes(2));
        swarm.tick(now); // the choker unchokes both interested peers
        swarm.flush();
        run(peers, 2_000, true);
        long before = peers.stream().mapToLong(p -> p.sent).sum();
        run(peers, 10_000, true);
        long bytes = peers.stream().mapToLong(p -> p.sent).sum() - before;
        assertThat((double) bytes).isCloseTo(3_000_000, within(300_000.0));
        assertThat((double) peers.get(0).sent).isCloseTo(peers.get(1).sent, within(bytes * 0.1));
    }

    @Test
    void withoutALimitQuotasAreLiftedAndRequestsAreNotHeldBack() {
        newSwarm(new SwarmLimits(0, 100_000, 50, -1), SharedLimits.unlimited());
        Peer p = seedThatUnchokes(1);
        swarm.tick(now);
        swarm.flush();
        run(List.of(p), 500, true);
        assertThat(p.quota).isGreaterThanOrEqualTo(0);
        swarm.setLimits(new SwarmLimits(0, 0, 50, -1));
        run(List.of(p), 200, false);
        assertThat(p.quota).isEqualTo(-1);
        long before = p.received;
        run(List.of(p), 1_000, false);
        assertThat(p.received - before).as("unlimited: far above any limit set above").isGreaterThan(10_000_000);
    }

    @Test
    void aGlobalConnectionLimitTurnsAwayPeersAcrossTorrents() {
        SharedLimits shared = new SharedLimits(0, 0, 2);
        newSwarm(SwarmLimits.of(SelectionConfig.defaults()), shared);
        Peer a = seedThatUnchokes(1);
        Peer b = seedThatUnchokes(2);
        newSwarm(SwarmLimits.of(SelectionConfig.defaults()), shared);
        Peer c = new Peer(3);
        swarm.peerJoined(c.link, new InetSocketAddress("127.0.0.1", 9003), now);
        swarm.flush();
        assertThat(c.disconnect).isEqualTo("too many connections");
        assertThat(shared.connections()).isEqualTo(3);
        c.report(r -> {
            r.closed = true;
            r.closeReason = "test";
        });
        assertThat(shared.connections()).isEqualTo(2);
        assertThat(a.disconnect).isNull();
        assertThat(b.disconnect).isNull();
    }
}
