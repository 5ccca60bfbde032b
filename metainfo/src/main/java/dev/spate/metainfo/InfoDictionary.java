package dev.spate.metainfo;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes the info dictionary (and the v2 piece layers) of a torrent being made. */
final class InfoDictionary {
    private final String name;
    private final int pieceLength;
    private final boolean isPrivate;
    private final TorrentLayout layout;
    private final PieceHasher.Hashes hashes;

    InfoDictionary(String name, int pieceLength, boolean isPrivate, TorrentLayout layout, PieceHasher.Hashes hashes) {
        this.name = name;
        this.pieceLength = pieceLength;
        this.isPrivate = isPrivate;
        this.layout = layout;
        this.hashes = hashes;
    }

    BDict toBDict() {
        BDict.Builder info = BDict.builder()
                .put("name", name)
                .put("piece length", pieceLength);
        if (isPrivate) {
            info.put("private", 1);
        }
        if (hashes.v1() != null) {
            info.put("pieces", hashes.v1());
            if (layout.multiFile()) {
                info.put("files", v1Files());
            } else {
                info.put("length", layout.entries().get(0).length());
            }
        }
        if (hashes.v2() != null) {
            info.put("meta version", 2);
            info.put("file tree", fileTree());
        }
        return info.build();
    }

    /** BEP 52 piece layers: for each file longer than a piece, its piece hashes by its root. */
    BDict pieceLayers() {
        BDict.Builder layers = BDict.builder();
        for (TorrentLayout.Entry e : layout.entries()) {
            if (!e.isPadding() && e.length() > pieceLength) {
                byte[] layer = layer(e);
                layers.put(BString.of(root(e, layer)), BString.of(layer));
            }
        }
        return layers.build();
    }

    private BList v1Files() {
        List<BValue> files = new ArrayList<>();
        for (TorrentLayout.Entry e : layout.entries()) {
            BDict.Builder f = BDict.builder().put("length", e.length());
            if (e.isPadding()) {
                f.put("attr", "p").put("path", texts(List.of(".pad", Long.toString(e.length()))));
            } else {
                f.put("path", texts(e.source().path()));
            }
            files.add(f.build());
        }
        return BList.of(files);
    }

    private BDict fileTree() {
        Map<String, Object> tree = new TreeMap<>();
        for (TorrentLayout.Entry e : layout.entries()) {
            if (e.isPadding()) {
                continue;
            }
            BDict.Builder props = BDict.builder().put("length", e.length());
            if (e.length() > 0) {
                props.put("pieces root", root(e, e.length() > pieceLength ? layer(e) : null));
            }
            List<String> path = layout.multiFile() ? e.source().path() : List.of(name);
            insert(tree, path, BDict.builder().put("", props.build()).build());
        }
        return toBDict(tree);
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> tree, List<String> path, BDict file) {
        Map<String, Object> dir = tree;
        for (String c : path.subList(0, path.size() - 1)) {
            dir = (Map<String, Object>) dir.computeIfAbsent(c, k -> new TreeMap<String, Object>());
        }
        dir.put(path.get(path.size() - 1), file);
    }

    @SuppressWarnings("unchecked")
    private static BDict toBDict(Map<String, Object> dir) {
        BDict.Builder b = BDict.builder(); // sorts keys as bytes, whatever order the map has
        dir.forEach((k, v) -> b.put(k, v instanceof BDict d ? d : toBDict((Map<String, Object>) v)));
        return b.build();
    }

    /** The v2 hashes of a file's pieces. */
    private byte[] layer(TorrentLayout.Entry e) {
        int first = (int) (e.offset() / pieceLength);
        int count = (int) ((e.length() + pieceLength - 1) / pieceLength);
        return Arrays.copyOfRange(hashes.v2(), first * Merkle.HASH_SIZE, (first + count) * Merkle.HASH_SIZE);
    }

    /** A file's pieces root: its one piece's hash, or the root over its piece layer. */
    private byte[] root(TorrentLayout.Entry e, byte[] layer) {
        if (layer == null) {
            int piece = (int) (e.offset() / pieceLength);
            return Arrays.copyOfRange(hashes.v2(), piece * Merkle.HASH_SIZE, (piece + 1) * Merkle.HASH_SIZE);
        }
        return Merkle.rootFromPieceLayer(layer, 0, layer.length / Merkle.HASH_SIZE, pieceLength);
    }

    private static BList texts(List<String> items) {
        return BList.of(items.stream().map(s -> (BValue) BString.of(s)).toList());
    }
}
