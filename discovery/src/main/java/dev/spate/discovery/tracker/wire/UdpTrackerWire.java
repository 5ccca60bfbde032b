package dev.spate.discovery.tracker.wire;

import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.AnnounceRequest;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The packets of the UDP tracker protocol (BEP 15), both directions, and the URL data option of
 * BEP 41. Numbers are big-endian. Readers check lengths before reading and never trust a length
 * from the packet beyond what the packet holds.
 */
public final class UdpTrackerWire {
    /** The magic {@code protocol_id} of a connect request. */
    public static final long PROTOCOL_ID = 0x41727101980L;

    public static final int ACTION_CONNECT = 0;
    public static final int ACTION_ANNOUNCE = 1;
    public static final int ACTION_SCRAPE = 2;
    public static final int ACTION_ERROR = 3;

    public static final int CONNECT_REQUEST_LENGTH = 16;
    public static final int CONNECT_REPLY_LENGTH = 16;
    public static final int ANNOUNCE_REQUEST_LENGTH = 98;
    public static final int ANNOUNCE_REPLY_HEADER_LENGTH = 20;
    public static final int SCRAPE_REQUEST_HEADER_LENGTH = 16;
    public static final int SCRAPE_REPLY_HEADER_LENGTH = 8;
    public static final int ERROR_REPLY_HEADER_LENGTH = 8;
    /** BEP 15: "up to about 74 torrents can be scraped at once" (74 * 12 + 8 bytes fit any MTU). */
    public static final int MAX_SCRAPE_HASHES = 74;

    /** BEP 41 option types. */
    public static final int OPTION_END = 0;
    public static final int OPTION_NOP = 1;
    public static final int OPTION_URL_DATA = 2;

    private UdpTrackerWire() {
    }

    // ---- client to tracker --------------------------------------------------------------------

    public static void writeConnectRequest(ByteBuf out, int transactionId) {
        out.writeLong(PROTOCOL_ID).writeInt(ACTION_CONNECT).writeInt(transactionId);
    }

    /**
     * An announce request, then the tracker URL's path and query as BEP 41 URL data (in chunks of
     * at most 255 bytes) if {@code urlData} is not empty.
     */
    public static void writeAnnounceRequest(ByteBuf out, long connectionId, int transactionId, AnnounceRequest r,
            String urlData) {
        out.writeLong(connectionId).writeInt(ACTION_ANNOUNCE).writeInt(transactionId);
        out.writeBytes(r.infoHash().wireId()).writeBytes(r.peerId());
        out.writeLong(r.downloaded()).writeLong(r.left()).writeLong(r.uploaded());
        out.writeInt(r.event().udpCode());
        out.writeInt(0); // IP address: 0, the tracker uses the packet's source address
        out.writeInt(r.key()).writeInt(r.numWant()).writeShort(r.port());
        writeUrlData(out, urlData);
    }

    /** BEP 41 URL data options: {@code 0x02, length, bytes} for each chunk of up to 255 bytes. */
    public static void writeUrlData(ByteBuf out, String urlData) {
        byte[] bytes = urlData.getBytes(StandardCharsets.UTF_8);
        for (int off = 0; off < bytes.length; off += 255) {
            int n = Math.min(255, bytes.length - off);
            out.writeByte(OPTION_URL_DATA).writeByte(n).writeBytes(bytes, off, n);
        }
    }

    public static void writeScrapeRequest(ByteBuf out, long connectionId, int transactionId, List<InfoHash> hashes) {
        if (hashes.size() > MAX_SCRAPE_HASHES) {
            throw new IllegalArgumentException("at most " + MAX_SCRAPE_HASHES + " torrents per UDP scrape, not "
                    + hashes.size());
        }
        out.writeLong(connectionId).writeInt(ACTION_SCRAPE).writeInt(transactionId);
        for (InfoHash h : hashes) {
            out.writeBytes(h.wireId());
        }
    }

    // ---- tracker to client --------------------------------------------------------------------

    public static void writeConnectReply(ByteBuf out, int transactionId, long connectionId) {
        out.writeInt(ACTION_CONNECT).writeInt(transactionId).writeLong(connectionId);
    }

    /** The fixed part of an announce reply; the caller appends compact peers of the sender's address family. */
    public static void writeAnnounceReplyHeader(ByteBuf out, int transactionId, int intervalSeconds, int leechers,
            int seeders) {
        out.writeInt(ACTION_ANNOUNCE).writeInt(transactionId).writeInt(intervalSeconds).writeInt(leechers)
                .writeInt(seeders);
    }

    public static void writeScrapeReplyHeader(ByteBuf out, int transactionId) {
        out.writeInt(ACTION_SCRAPE).writeInt(transactionId);
    }

    public static void writeScrapeEntry(ByteBuf out, int seeders, int completed, int leechers) {
        out.writeInt(seeders).writeInt(completed).writeInt(leechers);
    }

    public static void writeError(ByteBuf out, int transactionId, String message) {
        out.writeInt(ACTION_ERROR).writeInt(transactionId).writeBytes(message.getBytes(StandardCharsets.UTF_8));
    }

    // ---- reading: the tracker's side ----------------------------------------------------------

    /** An announce request as a tracker reads it; {@code ip} is the raw optional IPv4 field (0 for none). */
    public record AnnounceFields(long connectionId, int transactionId, byte[] infoHash, byte[] peerId,
            long downloaded, long left, long uploaded, AnnounceEvent event, int ip, int key, int numWant, int port) {
    }

    /** Reads the 98 bytes of an announce request from the reader index; the caller checked the length. */
    public static AnnounceFields readAnnounceRequest(ByteBuf in) {
        if (in.readableBytes() < ANNOUNCE_REQUEST_LENGTH) {
            throw new IllegalArgumentException("an announce request has " + ANNOUNCE_REQUEST_LENGTH
                    + " bytes, this one " + in.readableBytes());
        }
        long connectionId = in.readLong();
        in.skipBytes(4); // action
        int transactionId = in.readInt();
        byte[] infoHash = new byte[20];
        in.readBytes(infoHash);
        byte[] peerId = new byte[20];
        in.readBytes(peerId);
        long downloaded = in.readLong();
        long left = in.readLong();
        long uploaded = in.readLong();
        AnnounceEvent event = AnnounceEvent.fromUdpCode(in.readInt());
        int ip = in.readInt();
        int key = in.readInt();
        int numWant = in.readInt();
        int port = in.readUnsignedShort();
        return new AnnounceFields(connectionId, transactionId, infoHash, peerId, downloaded, left, uploaded, event,
                ip, key, numWant, port);
    }

    // ---- reading: the client's side -----------------------------------------------------------

    /** The action of a reply; the caller checked that at least 8 bytes are there. */
    public static int replyAction(ByteBuf in) {
        return in.getInt(in.readerIndex());
    }

    public static int replyTransactionId(ByteBuf in) {
        return in.getInt(in.readerIndex() + 4);
    }

    /** The text of an error reply (action 3): everything after the 8-byte header, as UTF-8. */
    public static String readErrorMessage(ByteBuf in) {
        int from = in.readerIndex() + ERROR_REPLY_HEADER_LENGTH;
        int n = Math.max(0, Math.min(in.writerIndex() - from, 1024));
        return in.toString(from, n, StandardCharsets.UTF_8);
    }
}
