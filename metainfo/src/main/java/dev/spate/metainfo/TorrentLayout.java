package dev.spate.metainfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The files of a torrent being made, placed in its byte stream. In a v2 or hybrid multi-file
 * torrent every non-empty file is followed by a padding file up to the next piece boundary (the
 * last one too, as libtorrent writes them), so each file starts a piece.
 *
 * @param entries files and padding files in torrent order (source == null for padding)
 */
record TorrentLayout(boolean multiFile, List<Entry> entries) {

    record Entry(SourceFiles.Source source, long offset, long length) {
        boolean isPadding() {
            return source == null;
        }
    }

    static TorrentLayout of(SourceFiles files, int pieceLength, TorrentVersion version) {
        boolean pad = version.hasV2() && files.multiFile();
        List<Entry> entries = new ArrayList<>();
        long offset = 0;
        for (SourceFiles.Source f : files.files()) {
            entries.add(new Entry(f, offset, f.length()));
            offset += f.length();
            long tail = f.length() % pieceLength;
            if (pad && tail != 0) {
                entries.add(new Entry(null, offset, pieceLength - tail));
                offset += pieceLength - tail;
            }
        }
        return new TorrentLayout(files.multiFile(), List.copyOf(entries));
    }

    List<PieceHasher.Segment> segments() {
        return entries.stream()
                .map(e -> new PieceHasher.Segment(e.isPadding() ? null : e.source().file(), e.offset(), e.length()))
                .toList();
    }
}
