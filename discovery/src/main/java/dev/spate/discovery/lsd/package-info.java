/**
 * Local service discovery (BEP 14): {@link dev.spate.discovery.lsd.LsdService} announces torrents on
 * the IPv4 and IPv6 multicast groups of one interface and hands on the peers others announce.
 *
 * <h2>Threads and owners</h2>
 * The sockets, the announce schedule and the counters belong to one event loop of the caller's
 * group; public methods hand work to it, and the sink is called there.
 *
 * <h2>Bounds</h2>
 * A datagram is read up to 2 KiB, 64 lines and 32 info hashes; one announce per address per
 * {@code minSourceGap} is taken; the addresses remembered for that are capped at 1,024. Our own
 * announces go out at most once per {@code minMessageGap}, each torrent at most once per
 * {@code reannounce}.
 */
package dev.spate.discovery.lsd;
