package dev.spate.metainfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A magnet link (BEP 9, with BEP 53 {@code so}): what a download can start from before it has
 * the info dictionary.
 *
 * @param infoHashes  from {@code xt=urn:btih:} (v1) and/or {@code xt=urn:btmh:1220...} (v2)
 * @param displayName {@code dn}
 * @param trackers    {@code tr}, {@code tr.1}... in order, each URL once
 * @param peers       {@code x.pe}
 * @param webSeeds    {@code ws}
 * @param exactLength {@code xl}
 * @param selectOnly  {@code so}: the files to download, if only some
 */
public record MagnetUri(InfoHashes infoHashes, Optional<String> displayName, List<String> trackers,
        List<PeerAddress> peers, List<String> webSeeds, OptionalLong exactLength, List<FileIndexRange> selectOnly) {

    private static final String PREFIX = "magnet:?";
    private static final String BTIH = "urn:btih:";
    private static final String BTMH = "urn:btmh:";
    /** Multihash prefix of a SHA-256 digest: function 0x12, 0x20 bytes. */
    private static final String SHA256_MULTIHASH = "1220";

    public MagnetUri {
        java.util.Objects.requireNonNull(infoHashes, "infoHashes");
        trackers = List.copyOf(trackers);
        peers = List.copyOf(peers);
        webSeeds = List.copyOf(webSeeds);
        selectOnly = List.copyOf(selectOnly);
    }

    /** Parses a magnet link; anything malformed is a {@link MetainfoException} naming the parameter. */
    public static MagnetUri parse(String link) {
        String s = link.strip();
        if (!s.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw error("it must start with \"" + PREFIX + "\"");
        }
        InfoHash v1 = null;
        InfoHash v2 = null;
        String name = null;
        Set<String> trackers = new LinkedHashSet<>();
        Set<String> webSeeds = new LinkedHashSet<>();
        List<PeerAddress> peers = new ArrayList<>();
        OptionalLong length = OptionalLong.empty();
        List<FileIndexRange> selectOnly = new ArrayList<>();
        for (String param : s.substring(PREFIX.length()).split("&")) {
            int eq = param.indexOf('=');
            if (param.isEmpty() || eq < 0) {
                continue; // an empty or value-less parameter says nothing
            }
            String key = param.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = decode(key, param.substring(eq + 1));
            String base = key.replaceFirst("\\.\\d+$", ""); // tr.1, xt.2: numbered repeats
            switch (base) {
                case "xt":
                    if (value.regionMatches(true, 0, BTIH, 0, BTIH.length())) {
                        v1 = same(v1, btih(value.substring(BTIH.length())), "urn:btih:");
                    } else if (value.regionMatches(true, 0, BTMH, 0, BTMH.length())) {
                        v2 = same(v2, btmh(value.substring(BTMH.length())), "urn:btmh:");
                    } // other networks' hashes (urn:sha1:, urn:ed2k:) may sit beside ours
                    break;
                case "dn":
                    name = name == null ? value : name;
                    break;
                case "tr":
                    addUrl(trackers, value);
                    break;
                case "ws":
                    addUrl(webSeeds, value);
                    break;
                case "x.pe":
                    try {
                        peers.add(PeerAddress.parse(value));
                    } catch (IllegalArgumentException e) {
                        throw error(key + ": " + e.getMessage());
                    }
                    break;
                case "xl":
                    length = OptionalLong.of(number(key, value, Long.MAX_VALUE));
                    break;
                case "so":
                    selectOnly.addAll(ranges(key, value));
                    break;
                default:
                    break; // unknown parameters are allowed by BEP 9 (and common)
            }
        }
        if (v1 == null && v2 == null) {
            throw error("no xt=urn:btih: (v1) or xt=urn:btmh: (v2) info hash");
        }
        return new MagnetUri(new InfoHashes(v1, v2), Optional.ofNullable(name), List.copyOf(trackers), peers,
                List.copyOf(webSeeds), length, selectOnly);
    }

    /** Each tracker in its own tier, tried in order (there are no tiers in a magnet link). */
    public List<List<String>> trackerTiers() {
        return trackers.stream().map(List::of).toList();
    }

    /** The canonical link: hashes, name, length, trackers, web seeds, peers, selection. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(PREFIX);
        String sep = "";
        if (infoHashes.v1() != null) {
            sb.append("xt=").append(BTIH).append(infoHashes.v1().toHex());
            sep = "&";
        }
        if (infoHashes.v2() != null) {
            sb.append(sep).append("xt=").append(BTMH).append(SHA256_MULTIHASH).append(infoHashes.v2().toHex());
        }
        displayName.ifPresent(n -> sb.append("&dn=").append(PercentCoding.encode(n)));
        exactLength.ifPresent(n -> sb.append("&xl=").append(n));
        trackers.forEach(t -> sb.append("&tr=").append(PercentCoding.encode(t)));
        webSeeds.forEach(w -> sb.append("&ws=").append(PercentCoding.encode(w)));
        peers.forEach(p -> sb.append("&x.pe=").append(PercentCoding.encode(p.toString())));
        if (!selectOnly.isEmpty()) {
            sb.append("&so=");
            for (int i = 0; i < selectOnly.size(); i++) {
                sb.append(i > 0 ? "," : "").append(selectOnly.get(i));
            }
        }
        return sb.toString();
    }

    private static String decode(String key, String value) {
        try {
            return PercentCoding.decode(value);
        } catch (IllegalArgumentException e) {
            throw error(key + ": " + e.getMessage());
        }
    }

    private static InfoHash btih(String hash) {
        if (hash.length() == 40) {
            try {
                return InfoHash.fromHex(hash);
            } catch (IllegalArgumentException e) {
                throw error("xt: urn:btih: " + Fields.quote(hash) + " is not hexadecimal");
            }
        }
        if (hash.length() == 32) {
            return InfoHash.of(Base32.decode(hash, () -> error("xt: urn:btih: " + Fields.quote(hash) + " is not base32")));
        }
        throw error("xt: urn:btih: needs 40 hex digits or 32 base32 characters, found " + hash.length() + " characters");
    }

    private static InfoHash btmh(String multihash) {
        if (!multihash.startsWith(SHA256_MULTIHASH) || multihash.length() != 4 + 64) {
            throw error("xt: urn:btmh: needs a SHA-256 multihash (1220 and 64 hex digits), found " + Fields.quote(multihash));
        }
        try {
            return InfoHash.fromHex(multihash.substring(4));
        } catch (IllegalArgumentException e) {
            throw error("xt: urn:btmh: " + Fields.quote(multihash) + " is not hexadecimal");
        }
    }

    private static InfoHash same(InfoHash earlier, InfoHash now, String kind) {
        if (earlier != null && !earlier.equals(now)) {
            throw error("xt: two different " + kind + " hashes (" + earlier + " and " + now + ")");
        }
        return now;
    }

    private static void addUrl(Set<String> urls, String url) {
        String u = url.strip();
        if (!u.isEmpty()) {
            urls.add(u);
        }
    }

    private static long number(String key, String value, long max) {
        if (value.isEmpty() || value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error(key + ": " + Fields.quote(value) + " is not a number");
        }
        long n = Long.parseLong(value);
        if (n > max) {
            throw error(key + ": " + n + " is too large");
        }
        return n;
    }

    /** BEP 53: {@code 0,2,4-6}. */
    private static List<FileIndexRange> ranges(String key, String value) {
        List<FileIndexRange> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            int dash = part.indexOf('-');
            int first = (int) number(key, dash < 0 ? part : part.substring(0, dash), Integer.MAX_VALUE);
            int last = dash < 0 ? first : (int) number(key, part.substring(dash + 1), Integer.MAX_VALUE);
            if (last < first) {
                throw error(key + ": range " + part + " runs backwards");
            }
            out.add(new FileIndexRange(first, last));
        }
        return out;
    }

    private static MetainfoException error(String what) {
        return new MetainfoException("magnet link: " + what);
    }
}
