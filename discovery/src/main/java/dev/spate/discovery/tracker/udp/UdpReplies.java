package dev.spate.discovery.tracker.udp;

import static dev.spate.discovery.tracker.wire.UdpTrackerWire.ANNOUNCE_REPLY_HEADER_LENGTH;
import static dev.spate.discovery.tracker.wire.UdpTrackerWire.CONNECT_REPLY_LENGTH;
import static dev.spate.discovery.tracker.wire.UdpTrackerWire.SCRAPE_REPLY_HEADER_LENGTH;

import dev.spate.discovery.tracker.AnnounceResponse;
import dev.spate.discovery.tracker.ScrapeResponse;
import dev.spate.discovery.tracker.ScrapeStats;
import dev.spate.discovery.tracker.wire.CompactPeers;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the bodies of BEP 15 replies, whose action and transaction id the caller already checked.
 * A reply too short for what it must hold throws {@link IllegalArgumentException} naming the lengths.
 */
final class UdpReplies {
    private UdpReplies() {
    }

    static long connectionId(ByteBuf in) {
        requireLength(in, CONNECT_REPLY_LENGTH, "connect reply");
        return in.getLong(in.readerIndex() + 8);
    }

    /** An announce reply; its peers are 6 bytes each when we asked over IPv4, 18 over IPv6. */
    static AnnounceResponse announce(ByteBuf in, boolean ipv6) {
        requireLength(in, ANNOUNCE_REPLY_HEADER_LENGTH, "announce reply");
        int base = in.readerIndex();
        int interval = in.getInt(base + 8);
        int leechers = in.getInt(base + 12);
        int seeders = in.getInt(base + 16);
        if (interval <= 0) {
            throw new IllegalArgumentException("announce reply has interval " + interval + " s");
        }
        int peerBytes = in.readableBytes() - ANNOUNCE_REPLY_HEADER_LENGTH;
        byte[] raw = ByteBufUtil.getBytes(in, base + ANNOUNCE_REPLY_HEADER_LENGTH, peerBytes);
        return new AnnounceResponse(Duration.ofSeconds(interval), Optional.empty(),
                CompactPeers.decode(raw, ipv6 ? CompactPeers.IPV6_STRIDE : CompactPeers.IPV4_STRIDE),
                count(seeders), count(leechers), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A scrape reply: 12 bytes for each hash asked, in the order asked. */
    static ScrapeResponse scrape(ByteBuf in, List<InfoHash> asked) {
        requireLength(in, SCRAPE_REPLY_HEADER_LENGTH + 12 * asked.size(), "scrape reply for " + asked.size()
                + " torrents");
        Map<InfoHash, ScrapeStats> files = new LinkedHashMap<>();
        int p = in.readerIndex() + SCRAPE_REPLY_HEADER_LENGTH;
        for (InfoHash h : asked) {
            files.put(h, new ScrapeStats(in.getInt(p), in.getInt(p + 4), in.getInt(p + 8)));
            p += 12;
        }
        return new ScrapeResponse(files);
    }

    private static OptionalInt count(int n) {
        return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
    }

    private static void requireLength(ByteBuf in, int length, String what) {
        if (in.readableBytes() < length) {
            throw new IllegalArgumentException(what + " has " + in.readableBytes() + " bytes, needs " + length);
        }
    }
}
