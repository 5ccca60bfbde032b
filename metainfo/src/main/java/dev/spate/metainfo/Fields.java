package dev.spate.metainfo;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BInteger;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;

/**
 * Typed access to decoded torrent fields. Every failure names the field by its path from the
 * torrent's root ({@code info.files[3].length}) and says what was wrong.
 */
final class Fields {
    private Fields() {
    }

    static MetainfoException error(String field, String what) {
        return new MetainfoException(field + ": " + what);
    }

    /** {@code parent.key}, or just {@code key} at the root. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static BValue required(BDict dict, String parent, String key) {
        BValue v = dict.get(key);
        if (v == null) {
            throw error(child(parent, key), "missing");
        }
        return v;
    }

    static BDict dict(BValue v, String field) {
        if (v instanceof BDict d) {
            return d;
        }
        throw wrongType(v, field, "a dictionary");
    }

    static BList list(BValue v, String field) {
        if (v instanceof BList l) {
            return l;
        }
        throw wrongType(v, field, "a list");
    }

    static BString string(BValue v, String field) {
        if (v instanceof BString s) {
            return s;
        }
        throw wrongType(v, field, "a string");
    }

    static long integer(BValue v, String field) {
        if (v instanceof BInteger i) {
            return i.value();
        }
        throw wrongType(v, field, "an integer");
    }

    /** A length or size: an integer that is not negative. */
    static long length(BValue v, String field) {
        long n = integer(v, field);
        if (n < 0) {
            throw error(field, "negative length " + n);
        }
        return n;
    }

    private static MetainfoException wrongType(BValue v, String field, String expected) {
        return error(field, "expected " + expected + ", found " + (v == null ? "nothing" : article(v.typeName())));
    }

    private static String article(String typeName) {
        return (typeName.startsWith("i") ? "an " : "a ") + typeName;
    }

    /** Each item of a list of strings as text; an item of another type is an error naming it. */
    static java.util.List<String> texts(BValue v, String field) {
        BList l = list(v, field);
        java.util.List<String> out = new java.util.ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(string(l.get(i), field + "[" + i + "]").asUtf8());
        }
        return out;
    }

    /** True if {@code v} is a list holding only strings. */
    static boolean isTextList(BValue v) {
        return v instanceof BList l && l.items().stream().allMatch(BString.class::isInstance);
    }

    /** BEP 47 {@code attr} letters of a file dictionary; "" when absent or not a string. */
    static String attr(BDict file, String parent, java.util.List<String> warnings) {
        BValue v = file.get("attr");
        if (v == null) {
            return "";
        }
        if (v instanceof BString s) {
            return s.asUtf8();
        }
        warnings.add(child(parent, "attr") + ": ignored, not a string");
        return "";
    }

    /** A string value as text, if it is a string (malformed UTF-8 shows as U+FFFD); else null. */
    static String textOrNull(BValue v) {
        return v instanceof BString s ? s.asUtf8() : null;
    }

    /** Quotes text for a message, cutting it at 80 characters. */
    static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        StringBuilder sb = new StringBuilder(shown.length() + 2).append('"');
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('"').toString();
    }
}
