package dev.spate.metainfo;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the BEP 52 {@code piece layers} (outside the info dictionary) against the files: each
 * entry is keyed by a file's pieces root and holds one SHA-256 per piece of that file, and those
 * hashes must add up to the root. A missing layer is allowed (a magnet download fetches layers
 * from peers, and libtorrent loads such torrents); a wrong one is not.
 */
final class PieceLayers {
    private PieceLayers() {
    }

    /** The layer of each file, by file index (null where a file has none or needs none). */
    static BString[] check(BValue layersValue, List<FileEntry> files, int pieceLength, List<String> warnings) {
        BString[] byFile = new BString[files.size()];
        Map<ByteBuffer, List<FileEntry>> byRoot = new HashMap<>();
        for (FileEntry f : files) {
            byte[] root = f.piecesRoot();
            if (root != null) {
                byRoot.computeIfAbsent(ByteBuffer.wrap(root), k -> new ArrayList<>()).add(f);
            }
        }
        if (layersValue != null) {
            BDict layers = Fields.dict(layersValue, "piece layers");
            for (int i = 0; i < layers.size(); i++) {
                BString key = layers.keyAt(i);
                String field = "piece layers[" + (key.length() == Merkle.HASH_SIZE
                        ? HexFormat.of().formatHex(key.toByteArray()) : key.toString()) + "]";
                List<FileEntry> owners = byRoot.get(ByteBuffer.wrap(key.toByteArray()));
                if (owners == null) {
                    throw Fields.error(field, "is not the pieces root of any file");
                }
                FileEntry f = owners.get(0);
                if (f.length() <= pieceLength) {
                    throw Fields.error(field, "belongs to " + f.pathString() + ", which fits in one piece and has no layer");
                }
                BString layer = Fields.string(layers.valueAt(i), field);
                long pieces = (f.length() + pieceLength - 1) / pieceLength;
                if (layer.length() != pieces * Merkle.HASH_SIZE) {
                    throw Fields.error(field, "has " + layer.length() + " bytes, but " + f.pathString() + " has "
                            + pieces + " pieces and needs " + pieces * Merkle.HASH_SIZE);
                }
                byte[] hashes = layer.toByteArray();
                byte[] root = Merkle.rootFromPieceLayer(hashes, 0, (int) pieces, pieceLength);
                if (!java.util.Arrays.equals(root, key.toByteArray())) {
                    throw Fields.error(field, "the piece hashes do not add up to the pieces root of " + f.pathString());
                }
                for (FileEntry owner : owners) {
                    byFile[owner.index()] = layer;
                }
            }
        }
        Set<String> missing = new HashSet<>();
        for (FileEntry f : files) {
            if (f.piecesRoot() != null && f.length() > pieceLength && byFile[f.index()] == null) {
                missing.add(f.pathString());
            }
        }
        if (!missing.isEmpty()) {
            warnings.add("piece layers: missing for " + missing.size() + " file(s); their piece hashes will come from peers");
        }
        return byFile;
    }
}
