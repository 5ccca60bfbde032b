package dev.spate.disk.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A decorator that fails on purpose, for tests: the n-th read or write (counting from 1), or every
 * write once a byte budget is spent, the way a full disk does ({@value #DISK_FULL}, the message the
 * JDK gives for ENOSPC). A failed call changes nothing underneath.
 */
public final class FaultyStorage extends ForwardingStorage {

    /** What the JDK's {@code IOException} says when the disk is full (Linux ENOSPC). */
    public static final String DISK_FULL = "No space left on device";

    private final int failingRead;
    private final int failingWrite;
    private final long writeBudget;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();

    private FaultyStorage(Storage delegate, int failingRead, int failingWrite, long writeBudget) {
        super(delegate);
        this.failingRead = failingRead;
        this.failingWrite = failingWrite;
        this.writeBudget = writeBudget;
    }

    /** The n-th read fails, once. */
    public static FaultyStorage failingRead(Storage delegate, int n) {
        return new FaultyStorage(delegate, n, 0, Long.MAX_VALUE);
    }

    /** The n-th write fails, once. */
    public static FaultyStorage failingWrite(Storage delegate, int n) {
        return new FaultyStorage(delegate, 0, n, Long.MAX_VALUE);
    }

    /** Writes succeed until {@code bytes} have been written; from then every write fails as on a full disk. */
    public static FaultyStorage fullAfter(Storage delegate, long bytes) {
        return new FaultyStorage(delegate, 0, 0, bytes);
    }

    @Override
    public void read(int file, long offset, ByteBuffer dst) throws IOException {
        if (reads.incrementAndGet() == failingRead) {
            throw new IOException("injected read failure (read " + failingRead + ")");
        }
        super.read(file, offset, dst);
    }

    @Override
    public void write(int file, long offset, ByteBuffer src) throws IOException {
        if (writes.incrementAndGet() == failingWrite) {
            throw new IOException("injected write failure (write " + failingWrite + ")");
        }
        int length = src.remaining();
        if (written.addAndGet(length) > writeBudget) {
            written.addAndGet(-length);
            throw new IOException(DISK_FULL);
        }
        super.write(file, offset, src);
    }

    public int reads() {
        return reads.get();
    }

    public int writes() {
        return writes.get();
    }
}
