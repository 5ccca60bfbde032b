package dev.spate.metainfo;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a BEP 52 {@code file tree}: directories are dictionaries keyed by path component, and a
 * file is a dictionary whose only key is the empty string, mapping to its properties. Files come
 * out in key order, which is their order in the torrent.
 */
final class V2FileTree {
    private static final String FIELD = "info.file tree";

    record Result(boolean multiFile, List<RawFile> files) {
    }

    private V2FileTree() {
    }

    static Result parse(BDict info, List<String> warnings) {
        BDict tree = Fields.dict(Fields.required(info, "info", "file tree"), FIELD);
        if (tree.containsKey("")) {
            throw Fields.error(FIELD, "the root is a file; it must be a directory");
        }
        List<RawFile> out = new ArrayList<>();
        walk(tree, new ArrayList<>(), out, warnings);
        if (out.isEmpty()) {
            throw Fields.error(FIELD, "holds no files");
        }
        // {name.ext: {"": {...}}} is a single-file torrent; anything else has a root directory.
        boolean multiFile = out.size() > 1 || out.get(0).path().size() > 1;
        return new Result(multiFile, out);
    }

    private static void walk(BDict dir, List<String> prefix, List<RawFile> out, List<String> warnings) {
        for (int i = 0; i < dir.size(); i++) {
            BString key = dir.keyAt(i);
            List<String> path = new ArrayList<>(prefix);
            path.add(key.asUtf8());
            String field = FIELD + "[" + Fields.quote(String.join("/", path)) + "]";
            if (key.length() == 0) {
                throw Fields.error(field, "an empty name must hold a file's properties, with no siblings");
            }
            BDict node = Fields.dict(dir.valueAt(i), field);
            BValue props = node.get("");
            if (props == null) {
                walk(node, path, out, warnings);
                continue;
            }
            if (node.size() != 1) {
                throw Fields.error(field, "a file entry has siblings beside its \"\" key");
            }
            out.add(file(Fields.dict(props, field), field, path, warnings));
        }
    }

    private static RawFile file(BDict d, String field, List<String> path, List<String> warnings) {
        String attr = Fields.attr(d, field, warnings);
        if (attr.indexOf('p') >= 0) {
            throw Fields.error(field + ".attr", "a v2 file tree cannot hold padding files");
        }
        List<String> symlink = null;
        if (attr.indexOf('l') >= 0) {
            BValue target = d.get("symlink path");
            if (Fields.isTextList(target) && ((BList) target).size() > 0) {
                symlink = Fields.texts(target, field + ".symlink path");
            } else {
                warnings.add(field + ": attribute l without a symlink path; taken as a file");
            }
        }
        long length = symlink != null ? 0 : Fields.length(Fields.required(d, field, "length"), field + ".length");
        byte[] root = null;
        if (length > 0) {
            BString r = Fields.string(Fields.required(d, field, "pieces root"), field + ".pieces root");
            if (r.length() != Merkle.HASH_SIZE) {
                throw Fields.error(field + ".pieces root", "has " + r.length() + " bytes, not 32");
            }
            root = r.toByteArray();
            if (isZero(root)) {
                throw Fields.error(field + ".pieces root", "is all zeros");
            }
        }
        return new RawFile(field, path, length, false, attr.indexOf('x') >= 0, attr.indexOf('h') >= 0, symlink, root);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
