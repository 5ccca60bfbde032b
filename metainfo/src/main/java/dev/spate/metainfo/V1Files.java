package dev.spate.metainfo;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BValue;
import java.util.ArrayList;
import java.util.List;

/** Reads the BEP 3 file list of an info dictionary: {@code length} (one file) or {@code files}. */
final class V1Files {
    /** BitComet and old uTorrent mark padding files by name instead of the {@code p} attribute. */
    private static final String LEGACY_PADDING_PREFIX = "_____padding_file_";

    record Result(boolean multiFile, List<RawFile> files) {
    }

    private V1Files() {
    }

    static Result parse(BDict info, String name, List<String> warnings) {
        BValue files = info.get("files");
        if (files == null) {
            BValue length = info.get("length");
            if (length == null) {
                throw Fields.error("info", "neither length (one file) nor files (several) is present");
            }
            String attr = Fields.attr(info, "info", warnings);
            if (attr.indexOf('l') >= 0) {
                warnings.add("info.attr: a single-file torrent cannot be a symlink; taken as a file");
            }
            RawFile f = new RawFile("info", List.of(name), Fields.length(length, "info.length"),
                    attr.indexOf('p') >= 0, attr.indexOf('x') >= 0, attr.indexOf('h') >= 0, null, null);
            return new Result(false, List.of(f));
        }
        if (info.containsKey("length")) {
            warnings.add("info: has both length and files; files is used");
        }
        BList list = Fields.list(files, "info.files");
        if (list.size() == 0) {
            throw Fields.error("info.files", "the list of files is empty");
        }
        List<RawFile> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(file(list.get(i), "info.files[" + i + "]", warnings));
        }
        return new Result(true, out);
    }

    private static RawFile file(BValue v, String field, List<String> warnings) {
        BDict d = Fields.dict(v, field);
        String attr = Fields.attr(d, field, warnings);
        List<String> path = path(d, field, warnings);
        boolean padding = attr.indexOf('p') >= 0
                || (path != null && !path.isEmpty() && path.get(path.size() - 1).startsWith(LEGACY_PADDING_PREFIX));
        List<String> symlink = attr.indexOf('l') >= 0 ? symlinkTarget(d, field, warnings) : null;
        long length;
        if (symlink != null) {
            length = 0; // BEP 47: a symlink has no data, whatever length it claims
        } else {
            length = Fields.length(Fields.required(d, field, "length"), field + ".length");
        }
        if (path == null) {
            if (!padding) {
                throw Fields.error(field + ".path", "missing");
            }
            path = List.of(".pad", Long.toString(length)); // BEP 47 lets padding files omit it
        }
        return new RawFile(field, path, length, padding, attr.indexOf('x') >= 0, attr.indexOf('h') >= 0, symlink, null);
    }

    /** {@code path.utf-8} when it is a usable list of strings, else {@code path}; null if neither. */
    private static List<String> path(BDict d, String field, List<String> warnings) {
        BValue utf8 = d.get("path.utf-8");
        if (utf8 != null) {
            if (Fields.isTextList(utf8)) {
                return Fields.texts(utf8, field + ".path.utf-8");
            }
            warnings.add(field + ".path.utf-8: ignored, not a list of strings");
        }
        BValue path = d.get("path");
        return path == null ? null : Fields.texts(path, field + ".path");
    }

    private static List<String> symlinkTarget(BDict d, String field, List<String> warnings) {
        BValue target = d.get("symlink path");
        if (Fields.isTextList(target) && ((BList) target).size() > 0) {
            return Fields.texts(target, field + ".symlink path");
        }
        warnings.add(field + ": attribute l without a symlink path; taken as a file");
        return null;
    }
}
