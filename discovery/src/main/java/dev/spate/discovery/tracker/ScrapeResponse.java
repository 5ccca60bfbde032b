package dev.spate.discovery.tracker;

import dev.spate.metainfo.InfoHash;
import java.util.Map;

/**
 * A tracker's answer to a scrape: counts per torrent. A torrent the tracker does not know is
 * missing (HTTP) or has all counts zero (UDP, which cannot say "unknown").
 */
public record ScrapeResponse(Map<InfoHash, ScrapeStats> files) {

    public ScrapeResponse {
        files = Map.copyOf(files);
    }
}
