package dev.spate.client;

import dev.spate.client.store.Settings;
import dev.spate.client.store.StoredTorrent;
import dev.spate.metainfo.MagnetUri;
import dev.spate.metainfo.Metainfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Torrents to and from the session store. */
final class Restore {
    private Restore() {
    }

    /** A torrent as the session holds it, with its stored settings. */
    static Torrent torrent(Engine engine, StoredTorrent s) {
        Metainfo metainfo = s.metainfo() == null ? null : Metainfo.parse(s.metainfo());
        MagnetUri magnet = s.magnet() == null ? null : MagnetUri.parse(s.magnet());
        if (metainfo == null && magnet == null) {
            throw new IllegalArgumentException("neither metainfo nor magnet link");
        }
        Settings st = s.settings();
        Map<Integer, FilePriority> priorities = new HashMap<>();
        byte[] stored = st.priorities();
        for (int i = 0; i < stored.length; i++) {
            priorities.put(i, FilePriority.ofPiecePriority(stored[i]));
        }
        if (metainfo != null && stored.length != metainfo.files().size()) {
            priorities.clear();
        }
        TorrentLimits limits = new TorrentLimits(st.downloadRate(), st.uploadRate(), st.maxConnections(),
                st.uploadSlots(),
                Double.isNaN(st.seedRatio()) ? OptionalDouble.empty() : OptionalDouble.of(st.seedRatio()),
                st.seedTimeSeconds() < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(st.seedTimeSeconds())),
                SeedLimitAction.valueOf(st.seedLimitAction()));
        AddOptions options = new AddOptions(priorities, st.paused(), st.sequential(), Optional.of(limits), List.of(),
                List.of());
        return new Torrent(engine, metainfo, magnet, Path.of(s.savePath()), options, s.addedMillis());
    }

    /** Writes a newly added torrent to the session: what it is, where, and its settings. */
    static void save(Engine engine, Torrent t) {
        String hash = t.infoHash().toHex();
        byte[] bytes = t.metainfo().map(Metainfo::toTorrentBytes).orElse(null);
        engine.store().saveTorrent(hash, bytes, t.magnet() == null ? null : t.magnet().toString(),
                t.downloadDir().toString(), t.addedMillis());
        t.run.saveSettings();
    }
}
