package dev.spate.disk;

/**
 * Receives the answer to {@link TorrentDisk#read}. Runs on a disk thread and must not block (post
 * to the peer's event loop). The receiver owns the result: it must release a
 * {@link ReadResult.Data} or {@link ReadResult.Region} exactly once (writing it to a Netty channel
 * does), see {@link ReadResult#release()}.
 */
@FunctionalInterface
public interface ReadCallback {

    void onRead(int piece, int offset, int length, ReadResult result);
}
