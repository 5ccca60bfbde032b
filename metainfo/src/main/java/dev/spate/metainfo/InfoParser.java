package dev.spate.metainfo;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeDecoder.Violation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** Reads and checks an info dictionary: v1, v2 or hybrid. */
final class InfoParser {
    /** The largest piece length accepted; libtorrent's large_piece_size sample is just below. */
    static final int MAX_PIECE_LENGTH = 512 * 1024 * 1024;
    /** More pieces than this are refused (libtorrent's default limit too). */
    static final int MAX_PIECES = 1 << 21;

    /** What an info dictionary says, checked. */
    record ParsedInfo(InfoHashes hashes, TorrentVersion version, String name, int pieceLength, int pieceCount,
            long totalLength, List<FileEntry> files, BString pieces, boolean isPrivate) {
    }

    private InfoParser() {
    }

    /**
     * @param doc        the bytes {@code info} was decoded from (its span is hashed)
     * @param violations what the lenient decoder tolerated in {@code doc}
     */
    static ParsedInfo parse(byte[] doc, BDict info, List<Violation> violations, List<String> warnings) {
        // BEP 52: the meta version is checked before anything else.
        BValue metaVersion = info.get("meta version");
        boolean v2 = false;
        if (metaVersion != null) {
            long version = Fields.integer(metaVersion, "info.meta version");
            if (version != 2) {
                throw Fields.error("info.meta version", "version " + version + " is not supported (spate reads version 2)");
            }
            v2 = true;
        }
        boolean v1 = !v2 || info.containsKey("pieces");
        for (Violation v : violations) {
            if (v.kind() == Violation.Kind.DUPLICATE_KEY && v.offset() >= info.start() && v.offset() < info.end()) {
                throw Fields.error("info", "a dictionary key appears twice (byte " + v.offset() + "), so the torrent is ambiguous");
            }
        }
        int pieceLength = pieceLength(info, v2);
        String rawName = name(info);
        boolean isPrivate = isPrivate(info, warnings);

        List<RawFile> raw;
        boolean multiFile;
        String layoutRoot = null; // null: the sanitised name
        long pieceCount;
        if (v2) {
            rejectUnsortedFileTree(info, violations);
            V2FileTree.Result tree = V2FileTree.parse(info, warnings);
            pieceCount = Hybrid.v2PieceCount(tree.files(), pieceLength);
            checkPieceCount(pieceCount, "info.file tree", "its files make");
            if (v1) {
                V1Files.Result list = V1Files.parse(info, rawName, warnings);
                long v1Count = v1PieceCount(list.files(), pieceLength);
                raw = Hybrid.merge(list.files(), tree.files(), pieceLength);
                if (v1Count != pieceCount) {
                    throw Fields.error("info", "the v1 and v2 file lists disagree: " + v1Count
                            + " pieces in info.files, " + pieceCount + " in the file tree");
                }
                multiFile = list.multiFile();
            } else {
                raw = Hybrid.padded(tree.files(), pieceLength);
                multiFile = tree.multiFile();
                if (!multiFile) {
                    layoutRoot = tree.files().get(0).path().get(0); // the tree names the file
                }
            }
        } else {
            V1Files.Result list = V1Files.parse(info, rawName, warnings);
            raw = list.files();
            multiFile = list.multiFile();
            pieceCount = v1PieceCount(raw, pieceLength);
        }
        long total = totalLength(raw);
        if (total == 0) {
            throw Fields.error("info", "the torrent holds no data: every file is empty");
        }

        BString pieces = null;
        if (v1) {
            pieces = Fields.string(Fields.required(info, "info", "pieces"), "info.pieces");
            if (pieces.length() % 20 != 0) {
                throw Fields.error("info.pieces", pieces.length() + " bytes is not a whole number of 20-byte SHA-1 hashes");
            }
            if (pieces.length() / 20 != pieceCount) {
                throw Fields.error("info.pieces", "holds " + pieces.length() / 20 + " piece hashes, but "
                        + total + " bytes in pieces of " + pieceLength + " make " + pieceCount);
            }
        }

        InfoHashes hashes = new InfoHashes(
                v1 ? InfoHash.of(digest("SHA-1", doc, info)) : null,
                v2 ? InfoHash.of(digest("SHA-256", doc, info)) : null);
        String name = PathSanitizer.component(rawName);
        if (name == null) {
            name = hashes.primary().toHex(); // as libtorrent does for a name like ".."
        }
        if (!name.equals(rawName)) {
            warnings.add("info.name: " + Fields.quote(rawName) + " is written as " + Fields.quote(name));
        }
        String root = name;
        if (layoutRoot != null) {
            root = PathSanitizer.component(layoutRoot);
            root = root == null ? name : root;
        }
        List<FileEntry> files = FileLayout.place(root, multiFile, raw, warnings);
        TorrentVersion version = v1 && v2 ? TorrentVersion.HYBRID : v2 ? TorrentVersion.V2 : TorrentVersion.V1;
        return new ParsedInfo(hashes, version, name, pieceLength, (int) pieceCount, total, files, pieces, isPrivate);
    }

    private static int pieceLength(BDict info, boolean v2) {
        String field = "info.piece length";
        long n = Fields.integer(Fields.required(info, "info", "piece length"), field);
        if (n <= 0) {
            throw Fields.error(field, n + " is not a positive number of bytes");
        }
        if (n > MAX_PIECE_LENGTH) {
            throw Fields.error(field, n + " bytes is more than the limit of " + MAX_PIECE_LENGTH);
        }
        if (v2 && (Long.bitCount(n) != 1 || n < Merkle.BLOCK_SIZE)) {
            throw Fields.error(field, n + " is not a power of two of at least 16 KiB, as a v2 torrent needs");
        }
        return (int) n;
    }

    private static String name(BDict info) {
        BValue utf8 = info.get("name.utf-8");
        if (utf8 instanceof BString s) {
            return s.asUtf8();
        }
        return Fields.string(Fields.required(info, "info", "name"), "info.name").asUtf8();
    }

    private static boolean isPrivate(BDict info, List<String> warnings) {
        BValue v = info.get("private");
        if (v == null) {
            return false;
        }
        if (v instanceof dev.spate.metainfo.bencode.BInteger i) {
            return i.value() != 0;
        }
        warnings.add("info.private: ignored, not an integer");
        return false;
    }

    private static void rejectUnsortedFileTree(BDict info, List<Violation> violations) {
        BValue tree = info.get("file tree");
        if (tree == null) {
            return;
        }
        for (Violation v : violations) {
            if (v.kind() == Violation.Kind.UNSORTED_KEYS && v.offset() >= tree.start() && v.offset() < tree.end()) {
                throw Fields.error("info.file tree", "keys out of order (byte " + v.offset()
                        + "); in a v2 torrent the key order is the file order, so it must be sorted");
            }
        }
    }

    private static long totalLength(List<RawFile> files) {
        long total = 0;
        for (RawFile f : files) {
            try {
                total = Math.addExact(total, f.length());
            } catch (ArithmeticException e) {
                throw Fields.error(f.field() + ".length", "the total length of the torrent overflows");
            }
        }
        return total;
    }

    private static long v1PieceCount(List<RawFile> files, int pieceLength) {
        long total = totalLength(files);
        long count = total / pieceLength + (total % pieceLength != 0 ? 1 : 0);
        checkPieceCount(count, "info", total + " bytes in pieces of " + pieceLength + " make");
        return count;
    }

    private static void checkPieceCount(long count, String field, String what) {
        if (count > MAX_PIECES) {
            throw Fields.error(field, what + " " + (count == Long.MAX_VALUE ? "too many" : Long.toString(count))
                    + " pieces, more than the limit of " + MAX_PIECES);
        }
    }

    private static byte[] digest(String algorithm, byte[] doc, BDict info) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(doc, info.start(), info.end() - info.start());
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
