package dev.spate.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A message of the peer wire protocol: BEP 3, the fast extension (BEP 6) and the extension
 * protocol's envelope (BEP 10). Messages without fields are singletons ({@link #CHOKE}, ...).
 * Indexes, offsets and lengths are unsigned 32-bit on the wire; the decoder refuses values above
 * {@code Integer.MAX_VALUE}, and the constructors refuse negative ones.
 *
 * <p>Only {@link Piece} holds a buffer: see its ownership rules.
 */
public sealed interface WireMessage {
    KeepAlive KEEP_ALIVE = new KeepAlive();
    Choke CHOKE = new Choke();
    Unchoke UNCHOKE = new Unchoke();
    Interested INTERESTED = new Interested();
    NotInterested NOT_INTERESTED = new NotInterested();
    HaveAll HAVE_ALL = new HaveAll();
    HaveNone HAVE_NONE = new HaveNone();

    /** The message id on the wire ({@link MessageIds}); -1 for a keep-alive, which has none. */
    int id();

    /** An empty frame: the peer is still there. */
    record KeepAlive() implements WireMessage {
        @Override
        public int id() {
            return -1;
        }
    }

    record Choke() implements WireMessage {
        @Override
        public int id() {
            return MessageIds.CHOKE;
        }
    }

    record Unchoke() implements WireMessage {
        @Override
        public int id() {
            return MessageIds.UNCHOKE;
        }
    }

    record Interested() implements WireMessage {
        @Override
        public int id() {
            return MessageIds.INTERESTED;
        }
    }

    record NotInterested() implements WireMessage {
        @Override
        public int id() {
            return MessageIds.NOT_INTERESTED;
        }
    }

    record Have(int piece) implements WireMessage {
        public Have {
            nonNegative(piece, "piece");
        }

        @Override
        public int id() {
            return MessageIds.HAVE;
        }
    }

    /**
     * The pieces the sender has: bit 7 of byte 0 is piece 0. The array is the message's own (the
     * decoder allocates it); it is not copied, so do not change it once sent or received.
     */
    record Bitfield(byte[] bits) implements WireMessage {
        @Override
        public int id() {
            return MessageIds.BITFIELD;
        }

        public boolean hasPiece(int piece) {
            return piece >= 0 && piece < bits.length * 8 && (bits[piece >>> 3] & (0x80 >>> (piece & 7))) != 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bitfield b && Arrays.equals(bits, b.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }

        @Override
        public String toString() {
            return "Bitfield[" + bits.length + " bytes]";
        }
    }

    record Request(int piece, int offset, int length) implements WireMessage {
        public Request {
            checkBlock(piece, offset, length);
        }

        @Override
        public int id() {
            return MessageIds.REQUEST;
        }
    }

    /**
     * A block of data. {@code data} is a retained slice of the receive buffer (zero copy), so the
     * message is reference-counted: whoever receives it owns it and must {@link #release()} it
     * (or hand it on to someone who will) once the bytes are copied out or written. The
     * encoder releases it when it has been written to the socket.
     */
    record Piece(int piece, int offset, ByteBuf data) implements WireMessage, ReferenceCounted {
        public Piece {
            nonNegative(piece, "piece");
            nonNegative(offset, "offset");
        }

        @Override
        public int id() {
            return MessageIds.PIECE;
        }

        /** The number of data bytes. */
        public int length() {
            return data.readableBytes();
        }

        @Override
        public int refCnt() {
            return data.refCnt();
        }

        @Override
        public Piece retain() {
            data.retain();
            return this;
        }

        @Override
        public Piece retain(int increment) {
            data.retain(increment);
            return this;
        }

        @Override
        public Piece touch() {
            data.touch();
            return this;
        }

        @Override
        public Piece touch(Object hint) {
            data.touch(hint);
            return this;
        }

        @Override
        public boolean release() {
            return data.release();
        }

        @Override
        public boolean release(int decrement) {
            return data.release(decrement);
        }

        @Override
        public String toString() {
            return "Piece[piece=" + piece + ", offset=" + offset + ", length=" + data.readableBytes() + "]";
        }
    }

    record Cancel(int piece, int offset, int length) implements WireMessage {
        public Cancel {
            checkBlock(piece, offset, length);
        }

        @Override
        public int id() {
            return MessageIds.CANCEL;
        }
    }

    /** The sender's DHT port (BEP 5). */
    record Port(int port) implements WireMessage {
        public Port {
            if (port < 0 || port > 0xffff) {
                throw new IllegalArgumentException("not a port: " + port);
            }
        }

        @Override
        public int id() {
            return MessageIds.PORT;
        }
    }

    record SuggestPiece(int piece) implements WireMessage {
        public SuggestPiece {
            nonNegative(piece, "piece");
        }

        @Override
        public int id() {
            return MessageIds.SUGGEST_PIECE;
        }
    }

    record HaveAll() implements WireMessage {
        @Override
        public int id() {
            return MessageIds.HAVE_ALL;
        }
    }

    record HaveNone() implements WireMessage {
        @Override
        public int id() {
            return MessageIds.HAVE_NONE;
        }
    }

    record RejectRequest(int piece, int offset, int length) implements WireMessage {
        public RejectRequest {
            checkBlock(piece, offset, length);
        }

        @Override
        public int id() {
            return MessageIds.REJECT_REQUEST;
        }
    }

    record AllowedFast(int piece) implements WireMessage {
        public AllowedFast {
            nonNegative(piece, "piece");
        }

        @Override
        public int id() {
            return MessageIds.ALLOWED_FAST;
        }
    }

    /**
     * A BEP 10 message: {@code extendedId} 0 is the extension handshake ({@link ExtensionHandshake}),
     * others are the ids we gave our extensions in our handshake. The state machine ignores ids
     * it did not give out, as BEP 10 requires. The payload array is the message's own.
     */
    record Extended(int extendedId, byte[] payload) implements WireMessage {
        public Extended {
            if (extendedId < 0 || extendedId > 0xff) {
                throw new IllegalArgumentException("an extended message id is one byte: " + extendedId);
            }
        }

        @Override
        public int id() {
            return MessageIds.EXTENDED;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Extended e && e.extendedId == extendedId && Arrays.equals(payload, e.payload);
        }

        @Override
        public int hashCode() {
            return 31 * extendedId + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            String head = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 32));
            return "Extended[id=" + extendedId + ", " + payload.length + " bytes: " + head
                    + (payload.length > 32 ? "...]" : "]");
        }
    }

    private static void nonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " cannot be negative: " + value);
        }
    }

    private static void checkBlock(int piece, int offset, int length) {
        nonNegative(piece, "piece");
        nonNegative(offset, "offset");
        nonNegative(length, "length");
    }
}
