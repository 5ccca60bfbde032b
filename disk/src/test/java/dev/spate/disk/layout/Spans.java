package dev.spate.disk.layout;

import java.util.ArrayList;
import java.util.List;

/** Test helper: the spans of a range as values. */
record Spans(int file, long fileOffset, int length, int position) {

    static List<Spans> of(StorageLayout layout, int piece, int offset, int length) {
        SpanCursor c = layout.cursor().reset(piece, offset, length);
        List<Spans> spans = new ArrayList<>();
        while (c.next()) {
            spans.add(new Spans(c.file(), c.fileOffset(), c.length(), c.position()));
        }
        return spans;
    }

    static List<Spans> ofPiece(StorageLayout layout, int piece) {
        return of(layout, piece, 0, layout.pieceSize(piece));
    }
}
