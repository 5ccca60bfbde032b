package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.disk.storage.ForwardingStorage;
import dev.spate.disk.storage.Storage;
import dev.spate.metainfo.Metainfo;
import dev.spate.testkit.Await;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits on 127.0.0.1, measured over 10 seconds (after 2 to settle) by the bytes the
 * leecher writes to disk: each must be within 10% of the rate set. Prints what it measured.
 */
class RateLimitIT {
    private static final long RATE = 1 << 20; // 1 MiB/s
    private static final long SIZE = 24L << 20;

    @TempDir
    Path tmp;

    @RegisterExtension
    final Clients clients = new Clients();
    private final AtomicLong written = new AtomicLong();


    private final class CountingStorage extends ForwardingStorage {
        CountingStorage(Storage delegate) {
            super(delegate);
        }

        @Override
        public void write(int file, long offset, ByteBuffer src) throws IOException {
            written.addAndGet(src.remaining());
            super.write(file, offset, src);
        }
    }

    private Metainfo payload() {
        Path file = tmp.resolve("seed/big.bin");
        Payloads.write(file, SIZE, 5);
        return Payloads.torrent(file, 256 * 1024);
    }

    private ClientConfig counting(ClientConfig config) {
        return config.toBuilder().storageWrapper(CountingStorage::new).build();
    }

    /** Bytes per second the leecher wrote over ten seconds, after two to settle. */
    private double measure(String what) {
        Await.until(Duration.ofSeconds(20), "the transfer starts", () -> written.get() > 0);
        pause(2_000);
        long start = written.get();
        long t0 = System.nanoTime();
        pause(10_000);
        double rate = (written.get() - start) / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("RateLimitIT: %s: set %d B/s, measured %.0f B/s (%+.1f%%)%n", what, RATE, rate,
                100 * (rate - RATE) / RATE);
        return rate;
    }

    /** The measurement window itself: a wait with no condition to meet. */
    private static void pause(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(end - System.nanoTime());
        }
    }

    @Test
    void aGlobalUploadLimitHoldsWithinTenPercent() throws Exception {
        Metainfo torrent = payload();
        TorrentClient seeder = clients.start(ClientConfig.loopback().withNetworkThreads(2).withRateLimits(0, RATE));
        seeder.add(torrent, tmp.resolve("seed"));
        TorrentClient leecher = clients.start(counting(ClientConfig.loopback().withNetworkThreads(2)));
        leecher.add(TorrentSource.of(torrent), tmp.resolve("leech"),
                AddOptions.defaults().withPeers(List.of(Clients.address(seeder))));
        assertThat(measure("global upload")).isBetween(RATE * 0.9, RATE * 1.1);
    }

    @Test
    void aGlobalDownloadLimitHoldsWithinTenPercentAcrossTwoSeeders() throws Exception {
        Metainfo torrent = payload();
        TorrentClient first = clients.seeder(torrent, tmp.resolve("seed"));
        TorrentClient second = clients.seeder(torrent, tmp.resolve("seed"));
        TorrentClient leecher = clients.start(counting(ClientConfig.loopback().withNetworkThreads(2)
                .withRateLimits(RATE, 0)));
        leecher.add(TorrentSource.of(torrent), tmp.resolve("leech"), AddOptions.defaults()
                .withPeers(List.of(Clients.address(first), Clients.address(second))));
        assertThat(measure("global download, two seeders")).isBetween(RATE * 0.9, RATE * 1.1);
    }

    @Test
    void aTorrentsOwnDownloadLimitHoldsWithinTenPercent() throws Exception {
        Metainfo torrent = payload();
        TorrentClient seeder = clients.seeder(torrent, tmp.resolve("seed"));
        TorrentClient leecher = clients.start(counting(ClientConfig.loopback().withNetworkThreads(2)));
        leecher.add(TorrentSource.of(torrent), tmp.resolve("leech"), AddOptions.defaults()
                .withLimits(TorrentLimits.NONE.withDownloadRate(RATE)).withPeers(List.of(Clients.address(seeder))));
        assertThat(measure("torrent download")).isBetween(RATE * 0.9, RATE * 1.1);
    }
}
