package dev.spate.disk;

/** A read for upload, queued on the piece's disk thread. */
final class ReadRequest implements DiskTask {

    final TorrentDisk torrent;
    final int piece;
    final int offset;
    final int length;
    /** False when the reader needs the bytes in memory (an encrypted connection), not a file region. */
    final boolean regionAllowed;
    final ReadCallback callback;

    ReadRequest(TorrentDisk torrent, int piece, int offset, int length, boolean regionAllowed, ReadCallback callback) {
        this.torrent = torrent;
        this.piece = piece;
        this.offset = offset;
        this.length = length;
        this.regionAllowed = regionAllowed;
        this.callback = callback;
    }

    @Override
    public void run(DiskThread thread) {
        BlockReader.read(thread, this);
    }

    @Override
    public void reject() {
        deliver(new ReadResult.Failed(DiskError.closed(DiskError.Operation.READ, piece)));
    }

    void deliver(ReadResult result) {
        torrent.deliver(callback, piece, offset, length, result);
    }
}
