package dev.spate.discovery.tracker.server;

import dev.spate.discovery.tracker.ScrapeStats;
import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeEncoder;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bencoded bodies of the HTTP tracker's replies. */
final class HttpTrackerReplies {
    private HttpTrackerReplies() {
    }

    static byte[] failure(String reason) {
        return BencodeEncoder.encode(BDict.builder().put("failure reason", reason).build());
    }

    /**
     * An announce reply. Compact: IPv4 peers in {@code peers} (BEP 23), IPv6 ones in {@code peers6}
     * (BEP 7). Otherwise one list of dictionaries (BEP 3), without {@code peer id} if the client
     * asked so. Always {@code external ip} (BEP 24).
     */
    static byte[] announce(SwarmRegistry.Outcome outcome, long intervalSeconds, long minIntervalSeconds,
            boolean compact, boolean noPeerId, InetAddress requester) {
        BDict.Builder d = BDict.builder()
                .put("interval", intervalSeconds)
                .put("complete", outcome.seeders())
                .put("incomplete", outcome.leechers())
                .put("external ip", requester.getAddress());
        if (minIntervalSeconds > 0) {
            d.put("min interval", minIntervalSeconds);
        }
        if (compact) {
            ByteArrayOutputStream v4 = new ByteArrayOutputStream();
            ByteArrayOutputStream v6 = new ByteArrayOutputStream();
            for (Peer p : outcome.peers()) {
                (p.isIpv6() ? v6 : v4).writeBytes(p.compact);
            }
            d.put("peers", v4.toByteArray());
            if (v6.size() > 0) {
                d.put("peers6", v6.toByteArray());
            }
        } else {
            List<BValue> list = new ArrayList<>(outcome.peers().size());
            for (Peer p : outcome.peers()) {
                BDict.Builder peer = BDict.builder().put("ip", p.address().getHostAddress()).put("port", p.port());
                if (!noPeerId) {
                    peer.put("peer id", p.peerId);
                }
                list.add(peer.build());
            }
            d.put("peers", BList.of(list));
        }
        return BencodeEncoder.encode(d.build());
    }

    /** A scrape reply (BEP 48): {@code files} keyed by the 20-byte info hashes. */
    static byte[] scrape(Map<InfoHash, ScrapeStats> stats) {
        BDict.Builder files = BDict.builder();
        stats.forEach((hash, s) -> files.put(BString.of(hash.wireId()), BDict.builder()
                .put("complete", s.seeders())
                .put("downloaded", s.completed())
                .put("incomplete", s.leechers())
                .build()));
        return BencodeEncoder.encode(BDict.builder().put("files", files.build()).build());
    }
}
