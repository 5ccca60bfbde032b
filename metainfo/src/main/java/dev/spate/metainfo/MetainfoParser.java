package dev.spate.metainfo;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeDecoder;
import dev.spate.metainfo.bencode.BencodeDecoder.Violation;
import dev.spate.metainfo.bencode.BencodeEncoder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Decodes a .torrent (leniently: unsorted keys are common in the wild) and builds a {@link Metainfo}. */
final class MetainfoParser {
    /** At most this many warnings are kept; a torrent of 100,000 odd paths would flood a log. */
    static final int MAX_WARNINGS = 50;

    private MetainfoParser() {
    }

    /** Parses {@code bytes}, which the caller hands over: the result keeps views of them. */
    static Metainfo parse(byte[] bytes) {
        if (bytes.length > Metainfo.MAX_TORRENT_BYTES) {
            throw new MetainfoException("torrent: " + bytes.length + " bytes, more than the limit of " + Metainfo.MAX_TORRENT_BYTES);
        }
        BencodeDecoder.Result decoded = BencodeDecoder.lenient().decodeWithViolations(bytes);
        BDict root = Fields.dict(decoded.value(), "torrent");
        List<String> warnings = new ArrayList<>();
        BDict info = Fields.dict(Fields.required(root, "", "info"), "info");
        InfoParser.ParsedInfo parsed = InfoParser.parse(bytes, info, decoded.violations(), warnings);
        BString[] layers = parsed.version().hasV2()
                ? PieceLayers.check(root.get("piece layers"), parsed.files(), parsed.pieceLength(), warnings)
                : new BString[parsed.files().size()];
        RootFields fields = RootFields.read(root, warnings);
        for (Violation v : decoded.violations()) {
            warnings.add("bencode: " + describe(v));
        }
        return new Metainfo(bytes, info.start(), info.end(), parsed, layers, fields, capped(warnings));
    }

    static Metainfo fromInfoDictionary(byte[] info, List<List<String>> trackerTiers) {
        BencodeDecoder.Result decoded = BencodeDecoder.lenient().decodeWithViolations(info);
        Fields.dict(decoded.value(), "info");
        for (Violation v : decoded.violations()) {
            if (v.kind() == Violation.Kind.TRAILING_BYTES) {
                throw Fields.error("info", (info.length - v.offset()) + " bytes after the end of the dictionary");
            }
        }
        return parse(assemble(info, trackerTiers));
    }

    /** A .torrent around raw info bytes: announce and announce-list from the tiers, keys in order. */
    private static byte[] assemble(byte[] info, List<List<String>> tiers) {
        List<BValue> tierValues = new ArrayList<>();
        String first = null;
        int count = 0;
        for (List<String> tier : tiers) {
            List<BValue> urls = new ArrayList<>();
            for (String url : tier) {
                urls.add(BString.of(url));
                first = first == null ? url : first;
                count++;
            }
            if (!urls.isEmpty()) {
                tierValues.add(BList.of(urls));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(info.length + 256);
        out.write('d');
        if (first != null) {
            BencodeEncoder.encode(BString.of("announce"), out);
            BencodeEncoder.encode(BString.of(first), out);
        }
        if (count > 1) {
            BencodeEncoder.encode(BString.of("announce-list"), out);
            BencodeEncoder.encode(BList.of(tierValues), out);
        }
        BencodeEncoder.encode(BString.of("info"), out);
        out.writeBytes(info);
        out.write('e');
        return out.toByteArray();
    }

    private static String describe(Violation v) {
        switch (v.kind()) {
            case UNSORTED_KEYS:
                return "dictionary keys out of order at byte " + v.offset() + " (read in sorted order; hashes cover the bytes as written)";
            case DUPLICATE_KEY:
                return "a dictionary key repeats at byte " + v.offset() + " (the first is used)";
            case TRAILING_BYTES:
                return "bytes after the end of the torrent at byte " + v.offset() + " (ignored)";
            default:
                return "a string length has a leading zero at byte " + v.offset();
        }
    }

    private static List<String> capped(List<String> warnings) {
        if (warnings.size() <= MAX_WARNINGS) {
            return warnings;
        }
        List<String> out = new ArrayList<>(warnings.subList(0, MAX_WARNINGS));
        out.add("... and " + (warnings.size() - MAX_WARNINGS) + " more warnings");
        return out;
    }
}
