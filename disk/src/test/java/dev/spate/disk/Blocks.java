package dev.spate.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.disk.layout.StorageLayout;

/** Test helper: what a peer does with a block that arrived. */
final class Blocks {

    private Blocks() {
    }

    /** Takes a token, copies the block into it and hands it to disk. */
    static void write(DiskManager disk, TorrentDisk torrent, int piece, int block, byte[] data, int peerId) {
        WriteToken token = disk.tryAcquireWriteToken(data.length);
        assertThat(token).as("a write token for piece %d block %d", piece, block).isNotNull();
        token.buffer().writeBytes(data);
        torrent.write(piece, block * StorageLayout.BLOCK_SIZE, token, peerId);
    }

    static void writePiece(DiskManager disk, TorrentDisk torrent, TestTorrent content, int piece, int peerId) {
        for (int b = 0; b < content.layout.blockCount(piece); b++) {
            write(disk, torrent, piece, b, content.block(piece, b), peerId);
        }
    }

    static void writeAll(DiskManager disk, TorrentDisk torrent, TestTorrent content) {
        for (int p = 0; p < content.layout.pieceCount(); p++) {
            writePiece(disk, torrent, content, p, 1);
        }
    }

    static byte[] corrupt(byte[] data) {
        byte[] bad = data.clone();
        bad[bad.length / 2] ^= 0x5a;
        return bad;
    }
}
