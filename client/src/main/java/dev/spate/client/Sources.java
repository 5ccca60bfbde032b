package dev.spate.client;

import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.MagnetUri;
import dev.spate.metainfo.Metainfo;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns a {@link TorrentSource} into a metainfo or a magnet link. */
final class Sources {
    /** Exactly one of the two is set. */
    record Resolved(Metainfo metainfo, MagnetUri magnet) {
        InfoHash infoHash() {
            return metainfo != null ? metainfo.infoHashes().primary() : magnet.infoHashes().primary();
        }
    }

    private Sources() {
    }

    static Resolved resolve(TorrentSource source) {
        Resolved r;
        if (source instanceof TorrentSource.File f) {
            try {
                r = new Resolved(Metainfo.read(f.path()), null);
            } catch (IOException e) {
                throw new UncheckedIOException(f.path() + ": cannot read it: " + e.getMessage(), e);
            }
        } else if (source instanceof TorrentSource.Bytes b) {
            r = new Resolved(Metainfo.parse(b.bytes()), null);
        } else if (source instanceof TorrentSource.Parsed p) {
            r = new Resolved(p.metainfo(), null);
        } else {
            r = new Resolved(null, ((TorrentSource.Magnet) source).uri());
        }
        if (r.metainfo() != null && !r.metainfo().hasV1Pieces()) {
            throw new IllegalArgumentException(r.metainfo().name() + ": v2-only torrents cannot be downloaded yet"
                    + " (spate downloads v1 and hybrid torrents)");
        }
        return r;
    }
}
