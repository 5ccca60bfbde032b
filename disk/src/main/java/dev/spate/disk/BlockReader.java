package dev.spate.disk;

import dev.spate.disk.layout.SpanCursor;
import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.ChannelLease;
import dev.spate.disk.storage.Storage;
import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * The read path of one block for upload, on its piece's disk thread. In order of preference:
 * a zero-copy {@link ReadResult.Region} (when enabled, allowed for this read, and the range lies in
 * one real file); a
 * retained duplicate from the read cache; or a fresh pooled direct buffer read from storage (then
 * cached if it is a whole block of a verified piece). Copies: none in the JVM (the file's bytes go
 * into the direct buffer, or straight to the socket for a region).
 */
final class BlockReader {

    private BlockReader() {
    }

    static void read(DiskThread thread, ReadRequest request) {
        assert thread.inThread();
        TorrentDisk torrent = request.torrent;
        TorrentShard shard = torrent.shard(thread);
        if (shard.closed) {
            request.reject();
            return;
        }
        if (request.regionAllowed && torrent.zeroCopyReads() && tryRegion(shard.cursor, torrent, request)) {
            return;
        }
        ReadCache.Key key = cacheKey(thread, torrent, request);
        if (key != null) {
            ByteBuf cached = thread.cache.get(key);
            if (cached != null) {
                request.deliver(new ReadResult.Data(cached));
                return;
            }
        }
        ByteBuf buffer;
        try {
            buffer = torrent.allocator().directBuffer(request.length, request.length);
        } catch (OutOfMemoryError e) { // Netty's direct memory limit: the peer still needs its answer
            request.deliver(new ReadResult.Failed(DiskError.of(DiskError.Operation.READ, request.piece, null,
                    new IOException("out of direct memory for a read buffer", e))));
            return;
        }
        try {
            SpanIo.read(torrent.storage(), shard.cursor, request.piece, request.offset,
                    buffer.internalNioBuffer(0, request.length));
        } catch (SpanIo.Failure e) {
            buffer.release();
            request.deliver(new ReadResult.Failed(torrent.error(DiskError.Operation.READ, request.piece, e)));
            return;
        }
        buffer.writerIndex(request.length);
        if (key != null) {
            ByteBuf reply = buffer.retainedDuplicate(); // before put: the cache may evict (release) at once
            thread.cache.put(key, buffer);
            buffer = reply;
        }
        request.deliver(new ReadResult.Data(buffer));
    }

    /** Answers with a file region when the range is one span of a real file; false to read instead. */
    private static boolean tryRegion(SpanCursor cursor, TorrentDisk torrent, ReadRequest request) {
        cursor.reset(request.piece, request.offset, request.length);
        cursor.next();
        if (cursor.length() != request.length || cursor.isPadding()) {
            return false;
        }
        Storage storage = torrent.storage();
        ChannelLease lease;
        try {
            lease = storage.leaseChannel(cursor.file());
        } catch (IOException e) {
            request.deliver(new ReadResult.Failed(DiskError.of(DiskError.Operation.READ, request.piece,
                    storage.describe(cursor.file()), e)));
            return true;
        }
        if (lease == null) {
            return false;
        }
        request.deliver(new ReadResult.Region(new LeasedFileRegion(lease, cursor.fileOffset(), request.length)));
        return true;
    }

    private static ReadCache.Key cacheKey(DiskThread thread, TorrentDisk torrent, ReadRequest request) {
        if (thread.cache == null || !torrent.isVerified(request.piece)
                || request.offset % StorageLayout.BLOCK_SIZE != 0) {
            return null;
        }
        int block = request.offset / StorageLayout.BLOCK_SIZE;
        if (request.length != torrent.layout().blockLength(request.piece, block)) {
            return null;
        }
        return new ReadCache.Key(torrent.id(), request.piece, block);
    }
}
