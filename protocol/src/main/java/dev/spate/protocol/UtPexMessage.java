package dev.spate.protocol;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BencodeEncoder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A BEP 11 {@code ut_pex} message: the peers the sender connected to and dropped since its last
 * one. The payload of an {@link WireMessage.Extended} sent with the id the peer gave
 * {@value ExtensionHandshake#UT_PEX}.
 *
 * @param added peers connected to, IPv4 and IPv6 together, each with its flags
 * @param dropped peers disconnected from
 */
public record UtPexMessage(List<Peer> added, List<InetSocketAddress> dropped) {
    /** BEP 11: at most 50 added and 50 dropped peers in a message. */
    public static final int MAX_PEERS_PER_MESSAGE = 50;
    /**
     * The most peers accepted in one decoded list. A first message may list more than 50;
     * four times that is refused as abuse.
     */
    public static final int MAX_DECODED_PEERS = 4 * MAX_PEERS_PER_MESSAGE;

    private static final String WHAT = "ut_pex";

    /** A peer and its BEP 11 flags ({@link #PREFERS_ENCRYPTION} ...). */
    public record Peer(InetSocketAddress address, int flags) {
        public static final int PREFERS_ENCRYPTION = 0x01;
        public static final int SEED = 0x02;
        public static final int SUPPORTS_UTP = 0x04;
        public static final int SUPPORTS_HOLEPUNCH = 0x08;
        public static final int REACHABLE = 0x10;

        public Peer {
            if (flags < 0 || flags > 0xff) {
                throw new IllegalArgumentException("pex flags are one byte: " + flags);
            }
        }
    }

    public UtPexMessage {
        added = List.copyOf(added);
        dropped = List.copyOf(dropped);
    }

    /**
     * The payload bytes.
     *
     * @throws IllegalArgumentException with more than 50 added or dropped peers (split them
     *     over messages) or an unresolved address
     */
    public byte[] encode() {
        if (added.size() > MAX_PEERS_PER_MESSAGE || dropped.size() > MAX_PEERS_PER_MESSAGE) {
            throw new IllegalArgumentException("a pex message carries at most " + MAX_PEERS_PER_MESSAGE
                    + " added and dropped peers, not " + added.size() + " and " + dropped.size());
        }
        List<InetSocketAddress> added4 = new ArrayList<>();
        List<InetSocketAddress> added6 = new ArrayList<>();
        byte[] flags4 = new byte[added.size()];
        byte[] flags6 = new byte[added.size()];
        for (Peer p : added) {
            if (CompactPeers.isV4(p.address())) {
                flags4[added4.size()] = (byte) p.flags();
                added4.add(p.address());
            } else {
                flags6[added6.size()] = (byte) p.flags();
                added6.add(p.address());
            }
        }
        List<InetSocketAddress> dropped4 = dropped.stream().filter(CompactPeers::isV4).toList();
        List<InetSocketAddress> dropped6 = dropped.stream().filter(a -> !CompactPeers.isV4(a)).toList();
        BDict.Builder d = BDict.builder()
                .put("added", CompactPeers.encode(added4, CompactPeers.V4))
                .put("added.f", java.util.Arrays.copyOf(flags4, added4.size()))
                .put("added6", CompactPeers.encode(added6, CompactPeers.V6))
                .put("added6.f", java.util.Arrays.copyOf(flags6, added6.size()))
                .put("dropped", CompactPeers.encode(dropped4, CompactPeers.V4))
                .put("dropped6", CompactPeers.encode(dropped6, CompactPeers.V6));
        return BencodeEncoder.encode(d.build());
    }

    /** Decodes a payload; anything malformed is a {@link ProtocolViolation} that names the field. */
    public static UtPexMessage decode(byte[] payload) {
        DictReader d = DictReader.decode(WHAT, payload, 0, payload.length);
        List<Peer> added = new ArrayList<>();
        addPeers(d, "added", CompactPeers.V4, added);
        addPeers(d, "added6", CompactPeers.V6, added);
        List<InetSocketAddress> dropped = new ArrayList<>(peers(d, "dropped", CompactPeers.V4));
        dropped.addAll(peers(d, "dropped6", CompactPeers.V6));
        return new UtPexMessage(added, dropped);
    }

    private static void addPeers(DictReader d, String key, int entryLength, List<Peer> out) {
        List<InetSocketAddress> peers = peers(d, key, entryLength);
        BString flags = d.string(key + ".f");
        if (flags != null && flags.length() != peers.size()) {
            throw new ProtocolViolation(WHAT + ": " + key + ".f has " + flags.length() + " flags for "
                    + peers.size() + " peers");
        }
        for (int i = 0; i < peers.size(); i++) {
            out.add(new Peer(peers.get(i), flags == null ? 0 : flags.byteAt(i) & 0xff));
        }
    }

    private static List<InetSocketAddress> peers(DictReader d, String key, int entryLength) {
        BString compact = d.string(key);
        if (compact == null) {
            return List.of();
        }
        return CompactPeers.decode(WHAT + ": " + key, compact.toByteArray(), entryLength, MAX_DECODED_PEERS);
    }
}
