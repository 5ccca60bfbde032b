package dev.spate.discovery.tracker.http;

import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.AnnounceRequest;
import dev.spate.discovery.tracker.AnnounceResponse;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.wire.CompactPeers;
import dev.spate.discovery.tracker.wire.PercentEncoding;
import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The HTTP announce (BEP 3): the request URL, and the reply parsed into an {@link AnnounceResponse}.
 * Understands compact ({@code peers} as a string, BEP 23) and dictionary peer lists, {@code peers6}
 * (BEP 7) and {@code external ip} (BEP 24). No sockets.
 */
public final class HttpAnnounceCodec {
    /** When a tracker names no interval: what libtorrent and others assume. */
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);

    private HttpAnnounceCodec() {
    }

    /** The announce URL: the tracker's URL (its own query kept, e.g. a passkey) plus the request's parameters. */
    public static URI announceUrl(URI tracker, AnnounceRequest r) {
        StringBuilder q = baseWithQuery(tracker);
        q.append("info_hash=").append(PercentEncoding.encode(r.infoHash().wireId()));
        q.append("&peer_id=").append(PercentEncoding.encode(r.peerId()));
        q.append("&port=").append(r.port());
        q.append("&uploaded=").append(r.uploaded());
        q.append("&downloaded=").append(r.downloaded());
        q.append("&left=").append(r.left());
        q.append("&compact=1");
        if (r.event() != AnnounceEvent.NONE) {
            q.append("&event=").append(r.event().httpName());
        }
        if (r.numWant() >= 0) {
            q.append("&numwant=").append(r.numWant());
        }
        q.append("&key=").append(String.format("%08X", r.key()));
        r.trackerId().ifPresent(id -> q.append("&trackerid=")
                .append(PercentEncoding.encode(id.getBytes(StandardCharsets.UTF_8))));
        return URI.create(q.toString());
    }

    /** {@code scheme://authority/path?query&} or {@code ...path?}: ready for more parameters; the fragment dropped. */
    static StringBuilder baseWithQuery(URI url) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(url.getScheme()).append("://").append(url.getRawAuthority());
        sb.append(url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath());
        if (url.getRawQuery() != null && !url.getRawQuery().isEmpty()) {
            sb.append('?').append(url.getRawQuery()).append('&');
        } else {
            sb.append('?');
        }
        return sb;
    }

    /** Parses an announce reply body; a {@code failure reason} fails with {@code REJECTED}. */
    public static AnnounceResponse parse(URI tracker, byte[] body) throws TrackerException {
        BencodedReply reply = BencodedReply.parse(tracker, body);
        long interval = reply.integer("interval").orElse(DEFAULT_INTERVAL.toSeconds());
        if (interval <= 0) {
            throw reply.malformed("'interval' is " + interval + " s");
        }
        Optional<Long> minInterval = reply.integer("min interval");
        List<InetSocketAddress> peers = new ArrayList<>(peers(reply));
        Optional<byte[]> peers6 = reply.bytes("peers6");
        if (peers6.isPresent()) {
            if (peers6.get().length % CompactPeers.IPV6_STRIDE != 0) {
                throw reply.malformed("'peers6' has " + peers6.get().length + " bytes, not a multiple of 18");
            }
            peers.addAll(CompactPeers.decode(peers6.get(), CompactPeers.IPV6_STRIDE));
        }
        return new AnnounceResponse(
                Duration.ofSeconds(interval),
                minInterval.filter(s -> s > 0).map(Duration::ofSeconds),
                peers,
                count(reply, "complete"),
                count(reply, "incomplete"),
                reply.text("warning message"),
                reply.text("tracker id"),
                reply.bytes("external ip").filter(b -> b.length == 4 || b.length == 16).map(CompactPeers::address));
    }

    private static List<InetSocketAddress> peers(BencodedReply reply) throws TrackerException {
        BValue v = reply.dict().get("peers");
        if (v == null) {
            return List.of();
        }
        if (v instanceof BString s) {
            if (s.length() % CompactPeers.IPV4_STRIDE != 0) {
                throw reply.malformed("'peers' has " + s.length() + " bytes, not a multiple of 6");
            }
            return CompactPeers.decode(s.toByteArray(), CompactPeers.IPV4_STRIDE);
        }
        if (!(v instanceof BList list)) {
            throw reply.wrongType("peers", v, "string or list");
        }
        List<InetSocketAddress> peers = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String path = "peers[" + i + "]";
            if (!(list.get(i) instanceof BDict peer)) {
                throw reply.wrongType(path, list.get(i), "dictionary");
            }
            BValue ip = peer.get("ip");
            if (!(ip instanceof BString ipText)) {
                throw ip == null ? reply.malformed("'" + path + "' has no 'ip'") : reply.wrongType(path + ".ip", ip,
                        "string");
            }
            long port = reply.integer(peer, "port", path + ".port")
                    .orElseThrow(() -> reply.malformed("'" + path + "' has no 'port'"));
            if (port < 1 || port > 0xffff) {
                throw reply.malformed("'" + path + ".port' is " + port);
            }
            peers.add(peerAddress(ipText.asUtf8(), (int) port));
        }
        return peers;
    }

    /** An IP literal becomes an address with no lookup; a host name stays unresolved for the dialer. */
    private static InetSocketAddress peerAddress(String ip, int port) {
        byte[] raw = NetUtil.createByteArrayFromIpAddressString(ip);
        if (raw != null) {
            return new InetSocketAddress(CompactPeers.address(raw), port);
        }
        return InetSocketAddress.createUnresolved(ip, port);
    }

    private static OptionalInt count(BencodedReply reply, String key) throws TrackerException {
        Optional<Long> n = reply.integer(key);
        return n.isPresent() && n.get() >= 0 ? OptionalInt.of((int) Math.min(n.get(), Integer.MAX_VALUE))
                : OptionalInt.empty();
    }
}
