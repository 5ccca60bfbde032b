package dev.spate.discovery.dht.krpc;

import static dev.spate.discovery.dht.krpc.KrpcCodec.MAX_DEPTH;
import static dev.spate.discovery.dht.krpc.KrpcCodec.MAX_MESSAGE_BYTES;
import static dev.spate.discovery.dht.krpc.KrpcCodec.MAX_TOKEN_BYTES;
import static dev.spate.discovery.dht.krpc.KrpcCodec.MAX_TRANSACTION_BYTES;
import static dev.spate.discovery.dht.krpc.KrpcCodec.MAX_VALUES;

import dev.spate.discovery.dht.krpc.KrpcQuery.AnnouncePeer;
import dev.spate.discovery.dht.krpc.KrpcQuery.Args;
import dev.spate.discovery.dht.krpc.KrpcQuery.FindNode;
import dev.spate.discovery.dht.krpc.KrpcQuery.GetPeers;
import dev.spate.discovery.dht.krpc.KrpcQuery.Ping;
import dev.spate.discovery.dht.krpc.KrpcQuery.Unknown;
import dev.spate.discovery.dht.krpc.KrpcQuery.Want;
import dev.spate.discovery.tracker.wire.CompactPeers;
import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BInteger;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeDecoder;
import dev.spate.metainfo.bencode.BencodeException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one KRPC datagram; see {@link KrpcCodec} for the bounds. */
final class KrpcDecoder {
    private static final int MAX_SHOWN_TEXT = 200;

    private final BString transaction;
    private final boolean query;

    private KrpcDecoder(BString transaction, boolean query) {
        this.transaction = transaction;
        this.query = query;
    }

    static KrpcMessage decode(byte[] data, int off, int length) {
        if (length > MAX_MESSAGE_BYTES) {
            throw new KrpcException("a datagram of " + length + " bytes is over the " + MAX_MESSAGE_BYTES
                    + "-byte limit");
        }
        BValue root;
        try {
            // Lenient: some nodes do not sort their keys; the first of duplicate keys wins.
            root = BencodeDecoder.lenient().withMaxDepth(MAX_DEPTH).decode(data, off, off + length).value();
        } catch (BencodeException e) {
            throw new KrpcException("not bencode: " + e.getMessage());
        }
        if (!(root instanceof BDict message)) {
            throw new KrpcException("a KRPC message is a dictionary, not " + a(root.typeName()));
        }
        BString t = new KrpcDecoder(null, false).string(message, "t", "message");
        if (t.length() > MAX_TRANSACTION_BYTES) {
            throw new KrpcException("transaction id of " + t.length() + " bytes is over " + MAX_TRANSACTION_BYTES);
        }
        BString y = new KrpcDecoder(t, false).string(message, "y", "message");
        if (y.contentEquals("q")) {
            return new KrpcDecoder(t, true).query(message);
        }
        KrpcDecoder reader = new KrpcDecoder(t, false);
        if (y.contentEquals("r")) {
            return reader.response(message);
        }
        if (y.contentEquals("e")) {
            return reader.error(message);
        }
        throw reader.fail("unknown message type y=" + y);
    }

    private KrpcQuery query(BDict message) {
        String method = string(message, "q", "query").asUtf8();
        BDict a = dict(message, "a", "query");
        NodeId sender = nodeId(a, "id", "arguments");
        boolean readOnly = message.get("ro") instanceof BInteger ro && ro.value() == 1;
        Args args = switch (method) {
            case "ping" -> new Ping();
            case "find_node" -> new FindNode(nodeId(a, "target", "arguments"), want(a));
            case "get_peers" -> new GetPeers(nodeId(a, "info_hash", "arguments"), want(a));
            case "announce_peer" -> announce(a);
            default -> new Unknown(shorten(method));
        };
        return new KrpcQuery(transaction, sender, args, readOnly);
    }

    private AnnouncePeer announce(BDict a) {
        NodeId infoHash = nodeId(a, "info_hash", "arguments");
        boolean implied = a.get("implied_port") instanceof BInteger i && i.value() != 0;
        BValue portValue = a.get("port");
        int port = 0;
        if (portValue != null || !implied) {
            long p = integer(a, "port", "arguments");
            if (p < 1 || p > 65535) {
                if (!implied) {
                    throw fail("port " + p + " is not between 1 and 65535");
                }
            } else {
                port = (int) p;
            }
        }
        BString token = string(a, "token", "arguments");
        if (token.length() > MAX_TOKEN_BYTES) {
            throw fail("token of " + token.length() + " bytes is over " + MAX_TOKEN_BYTES);
        }
        return new AnnouncePeer(infoHash, port, implied, token);
    }

    /** BEP 32: strings other than n4 and n6, and items that are not strings, are ignored. */
    private Optional<Want> want(BDict a) {
        BValue v = a.get("want");
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof BList list)) {
            throw fail("arguments.want must be a list, not " + a(v.typeName()));
        }
        boolean n4 = false;
        boolean n6 = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof BString s) {
                n4 |= s.contentEquals("n4");
                n6 |= s.contentEquals("n6");
            }
        }
        return Optional.of(new Want(n4, n6));
    }

    private KrpcResponse response(BDict message) {
        BDict r = dict(message, "r", "response");
        NodeId sender = nodeId(r, "id", "response");
        List<NodeContact> nodes = nodes(r, "nodes", false);
        List<NodeContact> nodes6 = nodes(r, "nodes6", true);
        Optional<BString> token = Optional.empty();
        if (r.get("token") != null) {
            BString tok = string(r, "token", "response");
            if (tok.length() > MAX_TOKEN_BYTES) {
                throw fail("token of " + tok.length() + " bytes is over " + MAX_TOKEN_BYTES);
            }
            token = Optional.of(tok);
        }
        return new KrpcResponse(transaction, sender, nodes, nodes6, token, values(r), requester(message));
    }

    private List<NodeContact> nodes(BDict r, String key, boolean ipv6) {
        if (r.get(key) == null) {
            return List.of();
        }
        BString s = string(r, key, "response");
        byte[] bytes = s.toByteArray();
        try {
            return CompactNodes.decode(bytes, 0, bytes.length, ipv6);
        } catch (IllegalArgumentException e) {
            throw fail("response." + key + ": " + e.getMessage());
        }
    }

    /** BEP 32: a list may mix 6-byte and 18-byte entries; entries of other lengths are skipped. */
    private List<InetSocketAddress> values(BDict r) {
        BValue v = r.get("values");
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof BList list)) {
            throw fail("response.values must be a list, not " + a(v.typeName()));
        }
        List<InetSocketAddress> peers = new ArrayList<>(Math.min(list.size(), MAX_VALUES));
        for (int i = 0; i < list.size() && peers.size() < MAX_VALUES; i++) {
            if (!(list.get(i) instanceof BString s)) {
                throw fail("response.values[" + i + "] must be a string, not " + a(list.get(i).typeName()));
            }
            if (s.length() == CompactPeers.IPV4_STRIDE || s.length() == CompactPeers.IPV6_STRIDE) {
                peers.addAll(CompactPeers.decode(s.toByteArray(), s.length()));
            }
        }
        return peers;
    }

    /** BEP 42's {@code ip}: optional, and ignored unless it is 6 or 18 bytes. */
    private static Optional<InetSocketAddress> requester(BDict message) {
        if (message.get("ip") instanceof BString s
                && (s.length() == CompactPeers.IPV4_STRIDE || s.length() == CompactPeers.IPV6_STRIDE)) {
            List<InetSocketAddress> one = CompactPeers.decode(s.toByteArray(), s.length());
            return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
        }
        return Optional.empty();
    }

    private KrpcError error(BDict message) {
        BValue e = message.get("e");
        if (!(e instanceof BList list) || list.size() < 1 || !(list.get(0) instanceof BInteger code)) {
            throw fail("an error message needs e = [code, message]");
        }
        String text = list.size() > 1 && list.get(1) instanceof BString s ? shorten(s.asUtf8()) : "";
        long c = code.value();
        return new KrpcError(transaction, c < 0 || c > 999 ? 0 : (int) c, text);
    }

    private NodeId nodeId(BDict d, String key, String where) {
        BString s = string(d, key, where);
        if (s.length() != NodeId.LENGTH) {
            throw fail(where + "." + key + " has " + s.length() + " bytes, not " + NodeId.LENGTH);
        }
        return NodeId.of(s.toByteArray());
    }

    private BString string(BDict d, String key, String where) {
        return required(d, key, where, BString.class, "string");
    }

    private long integer(BDict d, String key, String where) {
        return required(d, key, where, BInteger.class, "integer").value();
    }

    private BDict dict(BDict d, String key, String where) {
        return required(d, key, where, BDict.class, "dictionary");
    }

    private <T extends BValue> T required(BDict d, String key, String where, Class<T> type, String typeName) {
        BValue v = d.get(key);
        if (v == null) {
            throw fail(where + " has no " + key);
        }
        if (!type.isInstance(v)) {
            throw fail(where + "." + key + " must be " + a(typeName) + ", not " + a(v.typeName()));
        }
        return type.cast(v);
    }

    /** "a string", "an integer". */
    private static String a(String typeName) {
        return (typeName.startsWith("i") ? "an " : "a ") + typeName;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN_TEXT ? text : text.substring(0, MAX_SHOWN_TEXT) + "...";
    }

    private KrpcException fail(String reason) {
        return new KrpcException(reason, transaction, query);
    }
}
