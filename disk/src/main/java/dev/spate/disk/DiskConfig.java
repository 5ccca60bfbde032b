package dev.spate.disk;

/**
 * How a {@link DiskManager} runs.
 *
 * @param writeBudgetBytes memory for blocks in flight to disk (write tokens), in bytes
 * @param threads          disk threads; each piece is always handled by thread {@code piece % threads}
 * @param readCacheBytes   the read cache for uploads, in bytes, split evenly between the threads; 0 for none
 * @param openFileLimit    how many files stay open at once (least recently used closed first)
 * @param zeroCopyReads    whether reads for upload may answer with a {@code FileRegion} (for plain
 *                         connections that can send a file without copying it through memory)
 */
public record DiskConfig(long writeBudgetBytes, int threads, long readCacheBytes, int openFileLimit,
        boolean zeroCopyReads) {

    public static final long DEFAULT_WRITE_BUDGET = 64L << 20;
    public static final long DEFAULT_READ_CACHE = 32L << 20;
    public static final int DEFAULT_OPEN_FILES = 128;

    public DiskConfig {
        if (writeBudgetBytes < dev.spate.disk.layout.StorageLayout.BLOCK_SIZE) {
            throw new IllegalArgumentException("write budget must hold at least one block (16384 bytes), got "
                    + writeBudgetBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("disk threads must be at least 1, got " + threads);
        }
        if (readCacheBytes < 0) {
            throw new IllegalArgumentException("read cache bytes must not be negative, got " + readCacheBytes);
        }
        if (openFileLimit < 1) {
            throw new IllegalArgumentException("open-file limit must be at least 1, got " + openFileLimit);
        }
    }

    /** 64 MiB write budget, {@code max(2, cores)} threads, 32 MiB read cache, 128 open files, zero-copy reads. */
    public static DiskConfig defaults() {
        return new DiskConfig(DEFAULT_WRITE_BUDGET, Math.max(2, Runtime.getRuntime().availableProcessors()),
                DEFAULT_READ_CACHE, DEFAULT_OPEN_FILES, true);
    }

    public DiskConfig withWriteBudgetBytes(long bytes) {
        return new DiskConfig(bytes, threads, readCacheBytes, openFileLimit, zeroCopyReads);
    }

    public DiskConfig withThreads(int count) {
        return new DiskConfig(writeBudgetBytes, count, readCacheBytes, openFileLimit, zeroCopyReads);
    }

    public DiskConfig withReadCacheBytes(long bytes) {
        return new DiskConfig(writeBudgetBytes, threads, bytes, openFileLimit, zeroCopyReads);
    }

    public DiskConfig withOpenFileLimit(int limit) {
        return new DiskConfig(writeBudgetBytes, threads, readCacheBytes, limit, zeroCopyReads);
    }

    public DiskConfig withZeroCopyReads(boolean enabled) {
        return new DiskConfig(writeBudgetBytes, threads, readCacheBytes, openFileLimit, enabled);
    }
}
