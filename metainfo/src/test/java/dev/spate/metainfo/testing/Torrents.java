package dev.spate.metainfo.testing;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeEncoder;
import java.util.Arrays;
import java.util.List;

/** Builds small torrent documents for tests, one field at a time. */
public final class Torrents {
    private Torrents() {
    }

    public static BList strings(String... items) {
        return BList.of(Arrays.stream(items).map(s -> (BValue) BString.of(s)).toList());
    }

    public static BDict file(long length, String... path) {
        return BDict.builder().put("length", length).put("path", strings(path)).build();
    }

    /** A v1 info dictionary builder with name, piece length and the right number of (fake) piece hashes. */
    public static BDict.Builder v1Info(String name, int pieceLength, long totalLength) {
        int pieces = (int) ((totalLength + pieceLength - 1) / pieceLength);
        return BDict.builder().put("name", name).put("piece length", pieceLength).put("pieces", new byte[pieces * 20]);
    }

    public static BDict.Builder singleFile(String name, long length) {
        return v1Info(name, 16384, length).put("length", length);
    }

    public static BDict.Builder multiFile(String name, BDict... files) {
        long total = Arrays.stream(files).mapToLong(f -> ((dev.spate.metainfo.bencode.BInteger) f.get("length")).value()).sum();
        return v1Info(name, 16384, total).put("files", BList.of(List.of(files)));
    }

    public static byte[] torrent(BDict info) {
        return BencodeEncoder.encode(BDict.builder().put("info", info).build());
    }

    public static byte[] torrent(BDict.Builder info) {
        return torrent(info.build());
    }
}
