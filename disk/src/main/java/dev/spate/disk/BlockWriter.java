package dev.spate.disk;

import dev.spate.disk.layout.StorageLayout;
import java.nio.ByteBuffer;

/**
 * The write path of one block, on its piece's disk thread: write it at once (positional writes),
 * feed the piece's SHA-1 if the block is at the hash cursor, then any blocks that arrived early and
 * now follow without a gap (read back from storage, normally from the page cache), and when every
 * block is hashed compare the digest.
 *
 * <p>Copies per block: the peer's one copy into the token (not here); the write from the token's
 * direct buffer to the file (no copy in the JVM); SHA-1 reads the direct buffer through a reused
 * 4 KiB heap array (one copy). A block that arrives ahead of the cursor costs one more read from
 * the page cache. Allocations per block here: none (piece states and digests are recycled).
 */
final class BlockWriter {

    private BlockWriter() {
    }

    static void write(DiskThread thread, WriteToken token) {
        assert thread.inThread();
        TorrentDisk torrent = token.torrent;
        int piece = token.piece;
        try {
            TorrentShard shard = torrent.shard(thread);
            if (shard.closed || torrent.isVerified(piece)) {
                return; // closed, or a duplicate of a piece already done
            }
            int block = token.offset / StorageLayout.BLOCK_SIZE;
            PieceState state = shard.pieces.get(piece);
            if (state == null) {
                state = thread.takePieceState(torrent.layout().blockCount(piece));
                shard.pieces.put(piece, state);
            } else if (state.has(block)) {
                return; // a duplicate block (end game): ignored
            }
            ByteBuffer data = token.buffer.internalNioBuffer(token.buffer.readerIndex(), token.length());
            try {
                SpanIo.write(torrent.storage(), shard.cursor, piece, token.offset, data);
                state.received(block, token.peerId);
                if (block == state.hashCursor()) {
                    state.hash(token.buffer.internalNioBuffer(token.buffer.readerIndex(), token.length()));
                    hashReadyBlocks(thread, torrent, shard, piece, state);
                }
            } catch (SpanIo.Failure e) {
                forget(thread, shard, piece, state);
                torrent.reportError(e.write ? DiskError.Operation.WRITE : DiskError.Operation.READ, piece, e);
                return;
            }
            if (state.complete()) {
                finish(thread, torrent, shard, piece, state);
            }
        } finally {
            token.releaseByDisk();
        }
    }

    /** Hashes the blocks after the cursor that are already written, reading them back. */
    private static void hashReadyBlocks(DiskThread thread, TorrentDisk torrent, TorrentShard shard, int piece,
            PieceState state) throws SpanIo.Failure {
        StorageLayout layout = torrent.layout();
        while (state.nextReady()) {
            int block = state.hashCursor();
            int length = layout.blockLength(piece, block);
            ByteBuffer scratch = thread.scratch;
            scratch.clear().limit(length);
            SpanIo.read(torrent.storage(), shard.cursor, piece, block * StorageLayout.BLOCK_SIZE, scratch);
            scratch.flip();
            state.hash(scratch);
        }
    }

    private static void finish(DiskThread thread, TorrentDisk torrent, TorrentShard shard, int piece,
            PieceState state) {
        state.digest(thread.digest);
        boolean good = torrent.hashes().matches(piece, thread.digest);
        int[] peers = good ? null : state.peers();
        forget(thread, shard, piece, state);
        if (good) {
            torrent.setVerified(piece, true);
            torrent.notifyVerified(piece);
        } else {
            torrent.notifyFailed(piece, peers);
        }
    }

    /** Drops a piece's progress: after a failed hash, an I/O error, or when selection gives the piece up. */
    static void forget(DiskThread thread, TorrentShard shard, int piece, PieceState state) {
        shard.pieces.remove(piece);
        thread.recycle(state);
    }
}
