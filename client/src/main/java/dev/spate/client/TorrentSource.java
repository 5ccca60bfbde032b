package dev.spate.client;

import dev.spate.metainfo.MagnetUri;
import dev.spate.metainfo.Metainfo;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a torrent comes from: a {@code .torrent} file, its bytes, a parsed {@link Metainfo}, or a
 * magnet link, whose metadata arrives later from peers (until then its torrent waits in
 * {@link TorrentState#FETCHING_METADATA}).
 */
public sealed interface TorrentSource {

    /** A {@code .torrent} file, read when the torrent is added. */
    record File(Path path) implements TorrentSource {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /** The bytes of a {@code .torrent} file. */
    record Bytes(byte[] bytes) implements TorrentSource {
        public Bytes {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    record Parsed(Metainfo metainfo) implements TorrentSource {
        public Parsed {
            Objects.requireNonNull(metainfo, "metainfo");
        }
    }

    record Magnet(MagnetUri uri) implements TorrentSource {
        public Magnet {
            Objects.requireNonNull(uri, "uri");
        }
    }

    static TorrentSource file(Path path) {
        return new File(path);
    }

    static TorrentSource bytes(byte[] torrent) {
        return new Bytes(torrent);
    }

    static TorrentSource of(Metainfo metainfo) {
        return new Parsed(metainfo);
    }

    /** @throws dev.spate.metainfo.MetainfoException if the link is malformed */
    static TorrentSource magnet(String link) {
        return new Magnet(MagnetUri.parse(link));
    }

    /** A magnet link, or else the path of a {@code .torrent} file, as a user types either. */
    static TorrentSource parse(String text) {
        return text.regionMatches(true, 0, "magnet:", 0, 7) ? magnet(text) : file(Path.of(text));
    }
}
