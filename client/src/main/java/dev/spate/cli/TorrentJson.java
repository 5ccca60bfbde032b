package dev.spate.cli;

import dev.spate.metainfo.FileEntry;
import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.MagnetUri;
import dev.spate.metainfo.Metainfo;
import java.util.List;

/**
 * The {@code spate info --json} object. The same keys for a torrent and a magnet link; what a
 * magnet link cannot know is null.
 */
final class TorrentJson {
    private TorrentJson() {
    }

    static String of(Metainfo m) {
        JsonWriter w = new JsonWriter().beginObject();
        hashes(w, m.infoHashes().v1(), m.infoHashes().v2());
        w.name("name").value(m.name());
        w.name("piece_length").value(m.pieceLength());
        w.name("num_pieces").value(m.pieceCount());
        w.name("total_length").value(m.totalLength());
        w.name("num_files").value(m.files().stream().filter(f -> !f.padding()).count());
        w.name("files").beginArray();
        for (FileEntry f : m.files()) {
            w.beginObject();
            w.name("path");
            strings(w, f.path());
            w.name("length").value(f.length());
            w.name("pad").value(f.padding());
            w.endObject();
        }
        w.endArray();
        trackers(w, m.trackerTiers());
        w.name("web_seeds");
        strings(w, m.webSeeds());
        w.name("private").value(m.isPrivate());
        w.name("magnet").value(m.toMagnet().toString());
        return w.endObject().toString();
    }

    static String of(MagnetUri m) {
        JsonWriter w = new JsonWriter().beginObject();
        hashes(w, m.infoHashes().v1(), m.infoHashes().v2());
        w.name("name").value(m.displayName().orElse(null));
        w.name("piece_length").nullValue();
        w.name("num_pieces").nullValue();
        w.name("total_length");
        if (m.exactLength().isPresent()) {
            w.value(m.exactLength().getAsLong());
        } else {
            w.nullValue();
        }
        w.name("num_files").nullValue();
        w.name("files").nullValue();
        trackers(w, m.trackerTiers());
        w.name("web_seeds");
        strings(w, m.webSeeds());
        w.name("private").nullValue();
        w.name("magnet").value(m.toString());
        return w.endObject().toString();
    }

    private static void hashes(JsonWriter w, InfoHash v1, InfoHash v2) {
        w.name("info_hash_v1").value(v1 == null ? null : v1.toHex());
        w.name("info_hash_v2").value(v2 == null ? null : v2.toHex());
    }

    private static void trackers(JsonWriter w, List<List<String>> tiers) {
        w.name("trackers").beginArray();
        tiers.forEach(t -> strings(w, t));
        w.endArray();
    }

    private static void strings(JsonWriter w, List<String> items) {
        w.beginArray();
        items.forEach(w::value);
        w.endArray();
    }
}
