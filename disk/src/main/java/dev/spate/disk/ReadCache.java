package dev.spate.disk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.buffer.ByteBuf;

/**
 * One disk thread's share of the read cache: blocks read for upload, weighed in bytes. The cache
 * holds one reference to each buffer and releases it on eviction; a reader gets a retained
 * duplicate (its own indexes, the same memory, one more reference to release).
 *
 * <p>Each disk thread has its own cache, used only by that thread (blocks of a piece are always
 * read on the piece's thread), and Caffeine runs its maintenance on the calling thread: so an
 * eviction can never release a buffer between another thread's lookup and its retain.
 */
final class ReadCache {

    /** A whole block of a verified piece. */
    record Key(int torrent, int piece, int block) {
    }

    private final Cache<Key, ByteBuf> cache;

    ReadCache(long maxBytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, ByteBuf v) -> v.capacity())
                .executor(Runnable::run)
                .removalListener((Key k, ByteBuf v, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (v != null) {
                        v.release();
                    }
                })
                .build();
    }

    /** A retained duplicate of the cached block, or null. */
    ByteBuf get(Key key) {
        ByteBuf cached = cache.getIfPresent(key);
        return cached == null ? null : cached.retainedDuplicate();
    }

    /** Caches the block; takes over one reference of {@code buffer} (it may be released at once if too large). */
    void put(Key key, ByteBuf buffer) {
        cache.put(key, buffer);
    }

    void invalidateTorrent(int torrent) {
        cache.asMap().keySet().removeIf(k -> k.torrent() == torrent);
        cache.cleanUp();
    }

    void clear() {
        cache.invalidateAll();
        cache.cleanUp();
    }

    long weightedBytes() {
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }
}
