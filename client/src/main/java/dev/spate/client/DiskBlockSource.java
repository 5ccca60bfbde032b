package dev.spate.client;

import dev.spate.disk.ReadResult;
import dev.spate.disk.TorrentDisk;
import dev.spate.protocol.peer.BlockSource;

/** Where peers read the blocks they upload: the torrent's disk, its cache, or zero-copy file regions. */
final class DiskBlockSource implements BlockSource {
    private final TorrentDisk torrent;

    DiskBlockSource(TorrentDisk torrent) {
        this.torrent = torrent;
    }

    @Override
    public void read(int piece, int offset, int length, ReadCallback callback) {
        torrent.read(piece, offset, length, (p, o, l, result) -> {
            if (result instanceof ReadResult.Data data) {
                callback.done(data.buffer(), null);
            } else if (result instanceof ReadResult.Region region) {
                callback.done(region.region(), null);
            } else {
                callback.done(null, new java.io.IOException(((ReadResult.Failed) result).error().toString()));
            }
        });
    }
}
