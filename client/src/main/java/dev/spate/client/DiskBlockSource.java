package dev.spate.client;

import dev.spate.disk.ReadResult;
import dev.spate.disk.TorrentDisk;
import dev.spate.protocol.peer.BlockSource;

/**
 * Where peers read the blocks they upload: the torrent's disk, its cache, or zero-copy file regions
 * (these only for connections that send bytes as they are: not through a cipher).
 */
final class DiskBlockSource implements BlockSource {
    private final TorrentDisk torrent;
    private final boolean regionsAllowed;

    DiskBlockSource(TorrentDisk torrent, boolean regionsAllowed) {
        this.torrent = torrent;
        this.regionsAllowed = regionsAllowed;
    }

    @Override
    public void read(int piece, int offset, int length, ReadCallback callback) {
        dev.spate.disk.ReadCallback answer = (p, o, l, result) -> {
            if (result instanceof ReadResult.Data data) {
                callback.done(data.buffer(), null);
            } else if (result instanceof ReadResult.Region region) {
                callback.done(region.region(), null);
            } else {
                callback.done(null, new java.io.IOException(((ReadResult.Failed) result).error().toString()));
            }
        };
        if (regionsAllowed) {
            torrent.read(piece, offset, length, answer);
        } else {
            torrent.readIntoMemory(piece, offset, length, answer);
        }
    }
}
