package dev.spate.handshake;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 68-byte BitTorrent handshake (BEP 3): pstrlen (19), "BitTorrent protocol", 8 reserved
 * bytes, the 20-byte info hash, the 20-byte peer id.
 *
 * @param infoHash the 20 bytes of the torrent's wire id (copied in and out)
 */
public record Handshake(byte[] infoHash, PeerId peerId, Capabilities capabilities) {
    public static final int LENGTH = 68;
    /** pstrlen, pstr, reserved and info hash: what an incoming connection is matched on. */
    public static final int HEADER_LENGTH = 48;
    static final int PROTOCOL_LENGTH = 20;
    static final int RESERVED_OFFSET = 20;
    static final int INFO_HASH_OFFSET = 28;
    static final int PEER_ID_OFFSET = 48;

    private static final byte[] PROTOCOL = "\u0013BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);

    public Handshake {
        if (infoHash.length != 20) {
            throw new IllegalArgumentException("an info hash on the wire has 20 bytes, not " + infoHash.length);
        }
        infoHash = infoHash.clone();
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    /** Writes the 68 bytes. */
    public void writeTo(ByteBuf out) {
        out.writeBytes(PROTOCOL);
        capabilities.writeTo(out);
        out.writeBytes(infoHash);
        peerId.writeTo(out);
    }

    /**
     * Reads a handshake from the next 68 readable bytes and moves the reader index past them.
     *
     * @throws IllegalArgumentException if fewer than 68 bytes are readable or the protocol
     *     string is not BitTorrent's; the message says which
     */
    public static Handshake readFrom(ByteBuf in) {
        if (in.readableBytes() < LENGTH) {
            throw new IllegalArgumentException("a handshake has 68 bytes, only " + in.readableBytes() + " are readable");
        }
        int start = in.readerIndex();
        String bad = protocolError(in, start, PROTOCOL_LENGTH);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        byte[] hash = new byte[20];
        in.getBytes(start + INFO_HASH_OFFSET, hash);
        Handshake h = new Handshake(hash, PeerId.read(in, start + PEER_ID_OFFSET),
                Capabilities.read(in, start + RESERVED_OFFSET));
        in.skipBytes(LENGTH);
        return h;
    }

    /**
     * Checks the first {@code min(available, 20)} bytes from {@code index} against pstrlen and
     * pstr, so that garbage is refused as soon as it arrives.
     *
     * @return null if those bytes are right, else the reason
     */
    static String protocolError(ByteBuf in, int index, int available) {
        int n = Math.min(available, PROTOCOL_LENGTH);
        if (n > 0 && in.getByte(index) != PROTOCOL[0]) {
            return "pstrlen is " + in.getUnsignedByte(index) + ", expected 19";
        }
        for (int i = 1; i < n; i++) {
            if (in.getByte(index + i) != PROTOCOL[i]) {
                byte[] got = new byte[n - 1];
                in.getBytes(index + 1, got);
                return "pstr is not \"BitTorrent protocol\": " + printable(got);
            }
        }
        return null;
    }

    private static String printable(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : bytes) {
            sb.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return sb.append('"').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Handshake h && Arrays.equals(infoHash, h.infoHash)
                && peerId.equals(h.peerId) && capabilities.equals(h.capabilities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(infoHash) + peerId.hashCode()) + capabilities.hashCode();
    }

    @Override
    public String toString() {
        return "Handshake[infoHash=" + HexFormat.of().formatHex(infoHash) + ", peerId=" + peerId
                + ", " + capabilities + "]";
    }
}
