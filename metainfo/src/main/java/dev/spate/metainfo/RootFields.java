package dev.spate.metainfo;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BInteger;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fields outside the info dictionary. None of them changes the torrent's identity, so they
 * are read leniently: a malformed entry is skipped with a warning, as libtorrent does.
 */
record RootFields(List<List<String>> trackerTiers, List<String> webSeeds, Optional<String> comment,
        Optional<String> createdBy, Optional<Instant> creationDate) {

    /** 9999-12-31T23:59:59Z: later "creation dates" are garbage. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    static RootFields read(BDict root, List<String> warnings) {
        return new RootFields(trackerTiers(root, warnings), webSeeds(root, warnings),
                text(root, "comment"), text(root, "created by"), creationDate(root, warnings));
    }

    /** BEP 12: {@code announce-list} when it names any tracker, else {@code announce}. */
    static List<List<String>> trackerTiers(BDict root, List<String> warnings) {
        Set<String> seen = new LinkedHashSet<>();
        List<List<String>> tiers = new ArrayList<>();
        BValue list = root.get("announce-list");
        if (list instanceof BList l) {
            for (int i = 0; i < l.size(); i++) {
                BValue tier = l.get(i);
                List<String> urls = new ArrayList<>();
                if (tier instanceof BList t) {
                    t.items().forEach(u -> addUrl(u, urls, seen));
                } else {
                    addUrl(tier, urls, seen); // a flat list of URLs, seen in the wild
                }
                if (!urls.isEmpty()) {
                    tiers.add(List.copyOf(urls));
                }
            }
        } else if (list != null) {
            warnings.add("announce-list: ignored, not a list");
        }
        if (tiers.isEmpty()) {
            List<String> urls = new ArrayList<>(1);
            addUrl(root.get("announce"), urls, seen);
            if (!urls.isEmpty()) {
                tiers.add(List.copyOf(urls));
            }
        }
        return List.copyOf(tiers);
    }

    /** BEP 19: {@code url-list}, a string or a list of strings. */
    static List<String> webSeeds(BDict root, List<String> warnings) {
        BValue v = root.get("url-list");
        Set<String> seen = new LinkedHashSet<>();
        List<String> urls = new ArrayList<>();
        if (v instanceof BList l) {
            l.items().forEach(u -> addUrl(u, urls, seen));
        } else if (v instanceof BString) {
            addUrl(v, urls, seen);
        } else if (v != null) {
            warnings.add("url-list: ignored, neither a string nor a list");
        }
        return List.copyOf(urls);
    }

    /** Adds a trimmed, non-empty URL not seen before; anything else is skipped. */
    private static void addUrl(BValue v, List<String> urls, Set<String> seen) {
        if (v instanceof BString s) {
            String url = s.asUtf8().strip();
            if (!url.isEmpty() && seen.add(url)) {
                urls.add(url);
            }
        }
    }

    /** {@code key.utf-8} if present, else {@code key}; empty when absent or not a string. */
    private static Optional<String> text(BDict root, String key) {
        String utf8 = Fields.textOrNull(root.get(key + ".utf-8"));
        return Optional.ofNullable(utf8 != null ? utf8 : Fields.textOrNull(root.get(key)));
    }

    private static Optional<Instant> creationDate(BDict root, List<String> warnings) {
        BValue v = root.get("creation date");
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof BInteger i && i.value() >= 0 && i.value() <= MAX_EPOCH_SECOND) {
            return Optional.of(Instant.ofEpochSecond(i.value()));
        }
        warnings.add("creation date: ignored, not a time between 1970 and 9999");
        return Optional.empty();
    }
}
