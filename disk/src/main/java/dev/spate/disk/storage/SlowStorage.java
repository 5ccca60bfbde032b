package dev.spate.disk.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/** A decorator that sleeps before every read and write: a slow disk, for tests. */
public final class SlowStorage extends ForwardingStorage {

    private final long readDelayNanos;
    private final long writeDelayNanos;

    public SlowStorage(Storage delegate, Duration readDelay, Duration writeDelay) {
        super(delegate);
        this.readDelayNanos = readDelay.toNanos();
        this.writeDelayNanos = writeDelay.toNanos();
    }

    @Override
    public void read(int file, long offset, ByteBuffer dst) throws IOException {
        pause(readDelayNanos);
        super.read(file, offset, dst);
    }

    @Override
    public void write(int file, long offset, ByteBuffer src) throws IOException {
        pause(writeDelayNanos);
        super.write(file, offset, src);
    }

    private static void pause(long nanos) throws InterruptedIOException {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)); // the purpose of this class
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while simulating a slow disk");
        }
    }
}
