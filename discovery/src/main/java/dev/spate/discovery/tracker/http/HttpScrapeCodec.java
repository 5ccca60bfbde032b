package dev.spate.discovery.tracker.http;

import dev.spate.discovery.tracker.ScrapeResponse;
import dev.spate.discovery.tracker.ScrapeStats;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.discovery.tracker.wire.PercentEncoding;
import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTTP scrape (BEP 48): the scrape URL derived from the announce URL, and the reply's {@code files}. */
public final class HttpScrapeCodec {
    private HttpScrapeCodec() {
    }

    /**
     * BEP 48: the last path segment must start with {@code announce}, which becomes {@code scrape}
     * ({@code /x/announce.php?pk=1} to {@code /x/scrape.php?pk=1}); then one {@code info_hash} per torrent.
     */
    public static URI scrapeUrl(URI tracker, List<InfoHash> hashes) throws TrackerException {
        String path = tracker.getRawPath() == null ? "" : tracker.getRawPath();
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        if (slash < 0 || !last.startsWith("announce")) {
            throw new TrackerException(tracker, Kind.UNSUPPORTED,
                    "no scrape URL: the path does not end in a segment starting with 'announce' (BEP 48)");
        }
        String scrapePath = path.substring(0, slash + 1) + "scrape" + last.substring("announce".length());
        URI base = URI.create(tracker.getScheme() + "://" + tracker.getRawAuthority() + scrapePath
                + (tracker.getRawQuery() == null ? "" : "?" + tracker.getRawQuery()));
        StringBuilder q = HttpAnnounceCodec.baseWithQuery(base);
        for (int i = 0; i < hashes.size(); i++) {
            q.append(i == 0 ? "" : "&").append("info_hash=").append(PercentEncoding.encode(hashes.get(i).wireId()));
        }
        return URI.create(q.toString());
    }

    /** The counts of the torrents asked about that the reply names; others are left out. */
    public static ScrapeResponse parse(URI tracker, byte[] body, List<InfoHash> asked) throws TrackerException {
        BencodedReply reply = BencodedReply.parse(tracker, body);
        BValue files = reply.dict().get("files");
        if (files == null) {
            throw reply.malformed("reply has no 'files'");
        }
        if (!(files instanceof BDict filesDict)) {
            throw reply.wrongType("files", files, "dictionary");
        }
        Map<InfoHash, ScrapeStats> out = new LinkedHashMap<>();
        for (InfoHash h : asked) {
            BValue v = filesDict.get(BString.of(h.wireId()));
            if (v == null) {
                continue;
            }
            String path = "files[" + h.toHex() + "]";
            if (!(v instanceof BDict stats)) {
                throw reply.wrongType(path, v, "dictionary");
            }
            out.put(h, new ScrapeStats(count(reply, stats, "complete", path), count(reply, stats, "downloaded", path),
                    count(reply, stats, "incomplete", path)));
        }
        return new ScrapeResponse(out);
    }

    private static int count(BencodedReply reply, BDict stats, String key, String path) throws TrackerException {
        long n = reply.integer(stats, key, path + "." + key).orElse(0L);
        return (int) Math.max(0, Math.min(n, Integer.MAX_VALUE));
    }
}
