package dev.spate.client;

import dev.spate.disk.DiskManager;
import dev.spate.disk.TorrentDisk;
import dev.spate.disk.WriteToken;
import dev.spate.disk.layout.StorageLayout;
import dev.spate.protocol.peer.BlockTarget;
import dev.spate.selection.BlockBudget;
import io.netty.buffer.ByteBuf;

/** Selection's block budget for one torrent, made of the disk manager's write tokens. */
final class DiskBudget implements BlockBudget {
    private final DiskManager disk;
    private final TorrentDisk torrent;

    DiskBudget(DiskManager disk, TorrentDisk torrent) {
        this.disk = disk;
        this.torrent = torrent;
    }

    @Override
    public int blocksAvailable() {
        return (int) Math.min(Integer.MAX_VALUE, disk.availableWriteBudget() / StorageLayout.BLOCK_SIZE);
    }

    @Override
    public BlockTarget tryReserve(int piece, int offset, int length) {
        WriteToken token = disk.tryAcquireWriteToken(length);
        return token == null ? null : new TokenTarget(torrent, token);
    }

    @Override
    public void whenAvailable(Runnable wakeUp) {
        disk.whenWriteBudgetAvailable(wakeUp);
    }

    /** A write token travelling with its request: the block is copied into it once, then written. */
    private static final class TokenTarget implements BlockTarget {
        private final TorrentDisk torrent;
        private final WriteToken token;

        TokenTarget(TorrentDisk torrent, WriteToken token) {
            this.torrent = torrent;
            this.token = token;
        }

        @Override
        public void deliver(int piece, int offset, ByteBuf data, int peerId) {
            // The one copy on the download path: receive buffer slice -> the token's direct buffer.
            token.buffer().writeBytes(data, data.readerIndex(), data.readableBytes());
            torrent.write(piece, offset, token, peerId);
        }

        @Override
        public void release() {
            token.release();
        }
    }
}
