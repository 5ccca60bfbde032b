package dev.spate.discovery.dht.krpc;

import dev.spate.discovery.dht.krpc.KrpcQuery.AnnouncePeer;
import dev.spate.discovery.dht.krpc.KrpcQuery.FindNode;
import dev.spate.discovery.dht.krpc.KrpcQuery.GetPeers;
import dev.spate.discovery.dht.krpc.KrpcQuery.Want;
import dev.spate.discovery.tracker.wire.CompactPeers;
import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BInteger;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeEncoder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Writes KRPC messages as canonical bencode (keys sorted). */
final class KrpcEncoder {
    private KrpcEncoder() {
    }

    static byte[] encode(KrpcMessage message, BString version) {
        BDict.Builder top = BDict.builder().put("t", message.transaction());
        if (version != null) {
            top.put("v", version);
        }
        if (message instanceof KrpcQuery q) {
            top.put("y", "q").put("q", q.method()).put("a", arguments(q));
            if (q.readOnly()) {
                top.put("ro", 1);
            }
        } else if (message instanceof KrpcResponse r) {
            top.put("y", "r").put("r", results(r));
            r.requester().ifPresent(a -> top.put("ip", compact(a)));
        } else {
            KrpcError e = (KrpcError) message;
            top.put("y", "e").put("e", BList.of(BInteger.of(e.code()), BString.of(e.message())));
        }
        return BencodeEncoder.encode(top.build());
    }

    private static BDict arguments(KrpcQuery q) {
        BDict.Builder a = BDict.builder().put("id", q.sender().toByteArray());
        // ping, and unknown methods, carry only the id
        if (q.args() instanceof FindNode f) {
            a.put("target", f.target().toByteArray());
            f.want().ifPresent(w -> a.put("want", want(w)));
        } else if (q.args() instanceof GetPeers g) {
            a.put("info_hash", g.infoHash().toByteArray());
            g.want().ifPresent(w -> a.put("want", want(w)));
        } else if (q.args() instanceof AnnouncePeer p) {
            a.put("info_hash", p.infoHash().toByteArray()).put("port", p.port()).put("token", p.token());
            if (p.impliedPort()) {
                a.put("implied_port", 1);
            }
        }
        return a.build();
    }

    private static BList want(Want w) {
        List<BValue> items = new ArrayList<>(2);
        if (w.nodes4()) {
            items.add(BString.of("n4"));
        }
        if (w.nodes6()) {
            items.add(BString.of("n6"));
        }
        return BList.of(items);
    }

    private static BDict results(KrpcResponse r) {
        BDict.Builder d = BDict.builder().put("id", r.sender().toByteArray());
        if (!r.nodes().isEmpty()) {
            d.put("nodes", CompactNodes.encode(r.nodes(), false));
        }
        if (!r.nodes6().isEmpty()) {
            d.put("nodes6", CompactNodes.encode(r.nodes6(), true));
        }
        r.token().ifPresent(t -> d.put("token", t));
        if (!r.values().isEmpty()) {
            List<BValue> peers = new ArrayList<>(r.values().size());
            for (InetSocketAddress p : r.values()) {
                peers.add(compact(p));
            }
            d.put("values", BList.of(peers));
        }
        return d.build();
    }

    private static BString compact(InetSocketAddress a) {
        return BString.of(CompactPeers.encode(CompactPeers.unmap(a.getAddress()), a.getPort()));
    }
}
