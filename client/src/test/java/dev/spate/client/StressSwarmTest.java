package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import dev.spate.disk.DiskConfig;
import dev.spate.disk.storage.SlowStorage;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The design's deadlock test (DESIGN.md, "Bounded per-peer slots"): two slots per link, a disk
 * that sleeps on every write, a write budget of a few blocks, and connections cut at random. The
 * swarm must still complete with every piece verified, and no engine thread may ever be seen
 * blocked on a lock.
 */
class StressSwarmTest {
    @TempDir
    Path tmp;

    /** Cuts a connection after a random number of bytes read: a peer that vanishes mid-piece. */
    private static final class RandomCut extends ChannelInboundHandlerAdapter {
        private long left;

        RandomCut(long left) {
            this.left = left;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf) {
                left -= buf.readableBytes();
            }
            if (left < 0) {
                io.netty.util.ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }

    @Test
    void tinySlotsSlowDiskAndRandomDisconnectsStillComplete() throws Exception {
        EmbeddedTracker tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(0)
                .withBindAddress(InetAddress.getLoopbackAddress()).withInterval(Duration.ofSeconds(1)));
        List<TorrentClient> clients = new ArrayList<>();
        List<String> blocked = new CopyOnWriteArrayList<>();
        AtomicInteger cuts = new AtomicInteger();
        Watchdog watchdog = new Watchdog(blocked);
        try {
            Path seedDir = tmp.resolve("seed");
            Payloads.write(seedDir.resolve("payload.bin"), 3_000_000, 7);
            Metainfo torrent = TorrentBuilder.of(seedDir.resolve("payload.bin")).pieceLength(64 * 1024)
                    .tracker(tracker.httpAnnounceUri().toString()).build();
            SplittableRandom random = new SplittableRandom(11);
            ClientConfig stressed = ClientConfig.loopback().toBuilder()
                    .linkSlots(2)
                    .disk(DiskConfig.defaults().withWriteBudgetBytes(8 * 16 * 1024))
                    .storageWrapper(storage -> new SlowStorage(storage, Duration.ZERO, Duration.ofMillis(1)))
                    .peerChannelHook(channel -> {
                        synchronized (random) {
                            if (random.nextInt(3) == 0) { // a third of the connections are cut
                                cuts.incrementAndGet();
                                channel.pipeline().addFirst(new RandomCut(random.nextLong(200_000, 1_500_000)));
                            }
                        }
                    })
                    .build();
            TorrentClient seeder = TorrentClient.create(ClientConfig.loopback());
            clients.add(seeder);
            seeder.add(torrent, seedDir).completion().get(30, TimeUnit.SECONDS);
            List<TorrentHandle> leeches = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TorrentClient c = TorrentClient.create(stressed);
                clients.add(c);
                leeches.add(c.add(torrent, tmp.resolve("leech" + i)));
            }
            watchdog.start();
            CompletableFuture.allOf(leeches.stream().map(TorrentHandle::completion)
                    .toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
            for (int i = 0; i < 4; i++) {
                assertThat(leeches.get(i).status().piecesVerified()).isEqualTo(torrent.pieceCount());
                Payloads.assertSameTree(seedDir, tmp.resolve("leech" + i));
            }
            assertThat(cuts.get()).as("connections cut").isPositive();
        } finally {
            watchdog.stop();
            for (TorrentClient c : clients) {
                c.close();
            }
            tracker.close();
        }
        assertThat(blocked).as("engine threads seen blocked on a lock").isEmpty();
    }

    /**
     * Samples engine threads: a deadlock, or an engine thread blocked on the same lock for half a
     * second, is recorded. (Brief contention inside the JVM, such as two threads loading the same
     * class at once, is not a wait of ours.)
     */
    private static final class Watchdog {
        private static final long STUCK_NANOS = 500_000_000L;
        private final List<String> blocked;
        private final Thread thread;
        private volatile boolean running = true;

        Watchdog(List<String> blocked) {
            this.blocked = blocked;
            this.thread = new Thread(this::watch, "stress-watchdog");
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
        }

        private void watch() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            java.util.Map<Long, Long> blockedSince = new java.util.HashMap<>();
            while (running) {
                long now = System.nanoTime();
                long[] deadlocked = mx.findDeadlockedThreads();
                if (deadlocked != null) {
                    for (ThreadInfo info : mx.getThreadInfo(deadlocked, true, true)) {
                        blocked.add("deadlock: " + info);
                    }
                }
                java.util.Set<Long> seen = new java.util.HashSet<>();
                for (ThreadInfo info : mx.dumpAllThreads(false, false)) {
                    if (!info.getThreadName().startsWith("spate-") || info.getThreadState() != Thread.State.BLOCKED) {
                        continue;
                    }
                    seen.add(info.getThreadId());
                    long since = blockedSince.computeIfAbsent(info.getThreadId(), id -> now);
                    if (now - since > STUCK_NANOS) {
                        blocked.add(info.getThreadName() + " blocked on " + info.getLockName() + " held by "
                                + info.getLockOwnerName() + " for over 0.5 s: " + info);
                        blockedSince.put(info.getThreadId(), now);
                    }
                }
                blockedSince.keySet().retainAll(seen);
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            }
        }
    }
}
