package dev.spate.disk;

import dev.spate.disk.layout.SpanCursor;
import io.netty.util.collection.IntObjectHashMap;

/** The part of one torrent's state that one disk thread owns: its pieces in progress. Confined to that thread. */
final class TorrentShard {

    final IntObjectHashMap<PieceState> pieces = new IntObjectHashMap<>();
    final SpanCursor cursor;
    /** Set by the close barrier: tasks queued after it find the torrent gone. */
    boolean closed;

    TorrentShard(SpanCursor cursor) {
        this.cursor = cursor;
    }
}
