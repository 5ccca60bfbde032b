package dev.spate.discovery.tracker;

/**
 * One torrent's counts in a scrape (BEP 48, BEP 15).
 *
 * @param seeders   peers that have the whole torrent ({@code complete})
 * @param completed peers that ever finished downloading ({@code downloaded})
 * @param leechers  peers still downloading ({@code incomplete})
 */
public record ScrapeStats(int seeders, int completed, int leechers) {
}
