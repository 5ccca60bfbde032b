package dev.spate.disk;

import static dev.spate.disk.layout.StorageLayout.BLOCK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.FaultyStorage;
import dev.spate.disk.storage.SlowStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteTokenTest {

    static final StorageLayout LAYOUT = StorageLayout.singleFile(8L * 4 * BLOCK_SIZE, 4 * BLOCK_SIZE);
    static final long BUDGET = 6L * BLOCK_SIZE;
    static final DiskConfig CONFIG = Fixture.CONFIG.withWriteBudgetBytes(BUDGET);

    @Test
    void theBudgetRunsOutAndComesBackWhenTokensAreReleased() {
        try (DiskManager disk = DiskManager.start(CONFIG)) {
            List<WriteToken> tokens = new ArrayList<>();
            WriteToken t;
            while ((t = disk.tryAcquireWriteToken(BLOCK_SIZE)) != null) {
                tokens.add(t);
            }
            assertThat(tokens).hasSize(6);
            assertThat(disk.availableWriteBudget()).isZero();
            assertThat(disk.tryAcquireWriteToken(1)).isNull();

            tokens.remove(0).release();
            assertThat(disk.availableWriteBudget()).isEqualTo(BLOCK_SIZE);
            WriteToken small = disk.tryAcquireWriteToken(1000);
            assertThat(small.buffer().capacity()).isEqualTo(1000);
            assertThat(small.buffer().isDirect()).isTrue();
            small.release();
            tokens.forEach(WriteToken::release);
            assertThat(disk.availableWriteBudget()).isEqualTo(BUDGET);
        }
    }

    @Test
    void fullBlockBuffersAreReusedEmptyAndShortOnesAreNot() {
        try (DiskManager disk = DiskManager.start(CONFIG)) {
            WriteToken first = disk.tryAcquireWriteToken(BLOCK_SIZE);
            io.netty.buffer.ByteBuf buffer = first.buffer().writeLong(1);
            first.release();
            WriteToken second = disk.tryAcquireWriteToken(BLOCK_SIZE);
            assertThat(second.buffer()).isSameAs(buffer);
            assertThat(second.buffer().readableBytes()).isZero();
            assertThat(second.buffer().writableBytes()).isEqualTo(BLOCK_SIZE);
            second.release();

            WriteToken shortOne = disk.tryAcquireWriteToken(100);
            assertThat(shortOne.buffer()).isNotSameAs(buffer);
            assertThat(shortOne.buffer().maxCapacity()).isEqualTo(100);
            shortOne.release();
        }
    }

    @Test
    void aTokenIsGivenBackOnceOnly() {
        try (Fixture f = Fixture.of(Fixture.Kind.MEMORY, LAYOUT, null, CONFIG, s -> s)) {
            WriteToken released = f.disk.tryAcquireWriteToken(BLOCK_SIZE);
            released.release();
            assertThatThrownBy(released::release).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("released twice");
            assertThatThrownBy(released::buffer).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> f.torrent.write(0, 0, released, 1)).isInstanceOf(IllegalStateException.class);

            WriteToken written = f.disk.tryAcquireWriteToken(BLOCK_SIZE);
            written.buffer().writeBytes(f.content.block(0, 0));
            f.torrent.write(0, 0, written, 1);
            assertThatThrownBy(written::release).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> f.torrent.write(0, 0, written, 1)).isInstanceOf(IllegalStateException.class);

            f.torrent.flush().join();
            assertThat(f.disk.availableWriteBudget()).isEqualTo(BUDGET);
        }
    }

    @Test
    void aBlockThatIsNotOneOfThePiecesIsRefusedAndItsTokenReleased() {
        try (Fixture f = Fixture.of(Fixture.Kind.MEMORY, LAYOUT, null, CONFIG, s -> s)) {
            WriteToken half = f.disk.tryAcquireWriteToken(BLOCK_SIZE);
            half.buffer().writeZero(BLOCK_SIZE / 2);
            assertThatThrownBy(() -> f.torrent.write(0, 0, half, 1)).hasMessageContaining("holds 8192 of 16384");

            WriteToken misaligned = filled(f.disk, BLOCK_SIZE);
            assertThatThrownBy(() -> f.torrent.write(0, 100, misaligned, 1)).hasMessageContaining("multiple");

            WriteToken outside = filled(f.disk, BLOCK_SIZE);
            assertThatThrownBy(() -> f.torrent.write(8, 0, outside, 1)).hasMessageContaining("piece 8 is out of range");

            assertThatThrownBy(() -> f.disk.tryAcquireWriteToken(BLOCK_SIZE + 1)).hasMessageContaining("block length");
            assertThatThrownBy(() -> f.disk.tryAcquireWriteToken(0)).hasMessageContaining("block length");
            assertThat(f.disk.availableWriteBudget()).isEqualTo(BUDGET);
        }
    }

    @Test
    void theBudgetIsRestoredAfterAFailedWrite() {
        try (Fixture f = Fixture.of(Fixture.Kind.MEMORY, LAYOUT, null, CONFIG, s -> FaultyStorage.failingWrite(s, 2))) {
            Blocks.writePiece(f.disk, f.torrent, f.content, 0, 1);
            f.listener.awaitErrors(1);
            f.torrent.flush().join();
            assertThat(f.disk.availableWriteBudget()).isEqualTo(BUDGET);
        }
    }

    @Test
    void closingWritesWhatIsQueuedDropsWhatComesLaterAndRestoresTheBudget() throws Exception {
        DiskConfig oneThread = CONFIG.withThreads(1);
        try (Fixture f = Fixture.of(Fixture.Kind.MEMORY, LAYOUT, null, oneThread,
                s -> new SlowStorage(s, Duration.ZERO, Duration.ofMillis(50)))) {
            Blocks.writePiece(f.disk, f.torrent, f.content, 0, 1);
            assertThat(f.disk.availableWriteBudget()).isLessThan(BUDGET); // still queued behind the slow disk
            var closed = f.torrent.close();
            WriteToken late = filled(f.disk, BLOCK_SIZE);
            f.torrent.write(1, 0, late, 1);

            closed.get();
            assertThat(f.listener.verifiedOrder()).containsExactly(0);
            assertThat(f.disk.availableWriteBudget()).isEqualTo(BUDGET);
        }
    }

    @Test
    void tokensHeldWhenTheManagerClosesCanStillBeReleasedOrWritten() {
        Fixture f = Fixture.of(Fixture.Kind.MEMORY, LAYOUT, null, CONFIG, s -> s);
        WriteToken kept = f.disk.tryAcquireWriteToken(BLOCK_SIZE);
        WriteToken written = filled(f.disk, BLOCK_SIZE);
        f.close();

        assertThat(f.disk.tryAcquireWriteToken(BLOCK_SIZE)).isNull();
        kept.release();
        f.torrent.write(0, 0, written, 1);
        assertThat(f.disk.availableWriteBudget()).isEqualTo(BUDGET);
    }

    @Test
    void theManagerCannotBeClosedFromADiskThread() throws Exception {
        try (Fixture f = Fixture.memory(LAYOUT)) {
            java.util.concurrent.CompletableFuture<Throwable> refused = new java.util.concurrent.CompletableFuture<>();
            f.torrent.read(0, 0, 10, (p, o, l, r) -> {
                r.release();
                try {
                    f.disk.close();
                    refused.complete(null);
                } catch (IllegalStateException e) {
                    refused.complete(e);
                }
            });
            assertThat(refused.get(10, java.util.concurrent.TimeUnit.SECONDS)).hasMessageContaining("disk thread");
        }
    }

    private static WriteToken filled(DiskManager disk, int length) {
        WriteToken token = disk.tryAcquireWriteToken(length);
        token.buffer().writeZero(length);
        return token;
    }
}
