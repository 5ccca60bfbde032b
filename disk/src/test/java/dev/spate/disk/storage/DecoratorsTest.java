package dev.spate.disk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.disk.layout.StorageLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecoratorsTest {

    static final StorageLayout LAYOUT = StorageLayout.of(new long[] {100, 100}, 64);

    @Test
    void faultyStorageFailsTheNthWriteOnceAndChangesNothing() throws Exception {
        MemoryStorage memory = new MemoryStorage(LAYOUT);
        FaultyStorage faulty = FaultyStorage.failingWrite(memory, 2);
        faulty.write(0, 0, ByteBuffer.wrap(new byte[] {1}));
        assertThatThrownBy(() -> faulty.write(1, 0, ByteBuffer.wrap(new byte[] {2})))
                .isInstanceOf(IOException.class).hasMessageContaining("write 2");
        faulty.write(1, 0, ByteBuffer.wrap(new byte[] {3}));
        assertThat(memory.contents(1)[0]).isEqualTo((byte) 3);
        assertThat(faulty.writes()).isEqualTo(3);
    }

    @Test
    void faultyStorageFailsReads() throws Exception {
        MemoryStorage memory = new MemoryStorage(LAYOUT);
        memory.put(0, new byte[100]);
        FaultyStorage faulty = FaultyStorage.failingRead(memory, 1);
        assertThatThrownBy(() -> faulty.read(0, 0, ByteBuffer.allocate(1))).hasMessageContaining("read 1");
        faulty.read(0, 0, ByteBuffer.allocate(1));
    }

    @Test
    void aFullDiskRefusesEveryWriteBeyondItsBudget() throws Exception {
        FaultyStorage full = FaultyStorage.fullAfter(new MemoryStorage(LAYOUT), 150);
        full.write(0, 0, ByteBuffer.allocate(100));
        assertThatThrownBy(() -> full.write(1, 0, ByteBuffer.allocate(60))).hasMessage(FaultyStorage.DISK_FULL);
        full.write(1, 0, ByteBuffer.allocate(50));
        assertThatThrownBy(() -> full.write(1, 50, ByteBuffer.allocate(1))).hasMessage(FaultyStorage.DISK_FULL);
    }

    @Test
    void slowStorageDelaysAndPassesThrough() throws Exception {
        MemoryStorage memory = new MemoryStorage(LAYOUT);
        SlowStorage slow = new SlowStorage(memory, Duration.ofMillis(5), Duration.ofMillis(5));
        long start = System.nanoTime();
        slow.write(0, 10, ByteBuffer.wrap(new byte[] {7}));
        ByteBuffer back = ByteBuffer.allocate(1);
        slow.read(0, 10, back);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(10).toNanos());
        assertThat(back.get(0)).isEqualTo((byte) 7);
        slow.close();
        assertThat(memory.isClosed()).isTrue();
    }

    @Test
    void memoryStorageBehavesLikeFilesForMissingAndShortData() throws Exception {
        MemoryStorage memory = new MemoryStorage(LAYOUT);
        assertThat(memory.size(0)).isEqualTo(-1);
        assertThatThrownBy(() -> memory.read(0, 0, ByteBuffer.allocate(1))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> memory.put(0, new byte[5])).hasMessageContaining("has 100 bytes");
        memory.close();
        assertThatThrownBy(() -> memory.write(0, 0, ByteBuffer.allocate(1))).hasMessageContaining("closed");
    }
}
