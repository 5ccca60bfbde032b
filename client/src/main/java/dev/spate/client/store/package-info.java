/**
 * The client's session in SQLite (WAL): torrents with their metainfo, save path and settings,
 * transfer totals, resume data (the verified-piece bitfield and the size and modification time of
 * each file when it was taken) and known peers. One thread of its own, {@code spate-store}, does
 * every database call and the file stats that resume data needs; writes are batched there. Not an
 * API for applications: {@link dev.spate.client.TorrentClient} uses it.
 */
package dev.spate.client.store;
