package dev.spate.protocol;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BencodeEncoder;
import java.util.Arrays;
import java.util.Optional;

/**
 * A BEP 9 {@code ut_metadata} message: the payload of an {@link WireMessage.Extended} sent with
 * the id the peer gave {@value ExtensionHandshake#UT_METADATA}. The metadata (the info
 * dictionary) travels in pieces of {@value #PIECE_LENGTH} bytes, the last one shorter.
 */
public sealed interface UtMetadataMessage {
    int PIECE_LENGTH = 16 * 1024;
    /** The highest metadata piece index whose offset still fits an int. */
    int MAX_PIECE = Integer.MAX_VALUE / PIECE_LENGTH;

    int piece();

    /** The payload bytes. */
    byte[] encode();

    /** Asks for metadata piece {@code piece}. */
    record Request(int piece) implements UtMetadataMessage {
        public Request {
            checkPiece(piece);
        }

        @Override
        public byte[] encode() {
            return dictionary(0, piece, 0);
        }
    }

    /**
     * Metadata piece {@code piece} of a {@code totalSize}-byte info dictionary. The array is the
     * message's own, not copied.
     */
    record Data(int piece, int totalSize, byte[] data) implements UtMetadataMessage {
        public Data {
            checkPiece(piece);
            if (totalSize < 1 || (long) piece * PIECE_LENGTH >= totalSize) {
                throw new IllegalArgumentException("no piece " + piece + " in metadata of " + totalSize + " bytes");
            }
            int expected = expectedLength(piece, totalSize);
            if (data.length != expected) {
                throw new IllegalArgumentException("metadata piece " + piece + " of " + totalSize + " bytes has "
                        + expected + " bytes, not " + data.length);
            }
        }

        @Override
        public byte[] encode() {
            byte[] dict = dictionary(1, piece, totalSize);
            byte[] out = Arrays.copyOf(dict, dict.length + data.length);
            System.arraycopy(data, 0, out, dict.length, data.length);
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && d.piece == piece && d.totalSize == totalSize && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * piece + totalSize) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Data[piece=" + piece + ", totalSize=" + totalSize + ", " + data.length + " bytes]";
        }
    }

    /** The sender does not have metadata piece {@code piece} (or will not send it). */
    record Reject(int piece) implements UtMetadataMessage {
        public Reject {
            checkPiece(piece);
        }

        @Override
        public byte[] encode() {
            return dictionary(2, piece, 0);
        }
    }

    /**
     * Decodes a payload. A {@code msg_type} this version does not know is empty (BEP 9: ignore
     * it); anything malformed is a {@link ProtocolViolation}.
     */
    static Optional<UtMetadataMessage> decode(byte[] payload) {
        String what = "ut_metadata";
        int end = BencodeSpan.end(what, payload, 0, payload.length);
        DictReader d = DictReader.decode(what, payload, 0, end);
        long type = d.requireInteger("msg_type", 0, Long.MAX_VALUE);
        if (type > 2) {
            return Optional.empty();
        }
        int piece = (int) d.requireInteger("piece", 0, MAX_PIECE);
        int trailing = payload.length - end;
        if (type == 1) {
            int totalSize = (int) d.requireInteger("total_size", 1, Integer.MAX_VALUE);
            if ((long) piece * PIECE_LENGTH >= totalSize) {
                throw new ProtocolViolation(what + ": piece " + piece + " is past the end of " + totalSize + " bytes");
            }
            int expected = expectedLength(piece, totalSize);
            if (trailing != expected) {
                throw new ProtocolViolation(what + ": piece " + piece + " of " + totalSize + " bytes carries "
                        + trailing + " bytes, expected " + expected);
            }
            return Optional.of(new Data(piece, totalSize, Arrays.copyOfRange(payload, end, payload.length)));
        }
        if (trailing != 0) {
            throw new ProtocolViolation(what + ": " + (type == 0 ? "request" : "reject") + " has " + trailing
                    + " bytes after its dictionary");
        }
        return Optional.of(type == 0 ? new Request(piece) : new Reject(piece));
    }

    private static int expectedLength(int piece, int totalSize) {
        return (int) Math.min(PIECE_LENGTH, totalSize - (long) piece * PIECE_LENGTH);
    }

    private static void checkPiece(int piece) {
        if (piece < 0 || piece > MAX_PIECE) {
            throw new IllegalArgumentException("not a metadata piece: " + piece);
        }
    }

    private static byte[] dictionary(int type, int piece, int totalSize) {
        BDict.Builder d = BDict.builder().put("msg_type", type).put("piece", piece);
        if (totalSize > 0) {
            d.put("total_size", totalSize);
        }
        return BencodeEncoder.encode(d.build());
    }
}
