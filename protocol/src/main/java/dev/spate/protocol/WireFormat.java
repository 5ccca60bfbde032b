package dev.spate.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Writes messages in their wire form: a 4-byte big-endian length, the id byte, the body. Pure
 * functions of a message and a buffer; {@link WireEncoder} uses them.
 */
public final class WireFormat {
    /** Length prefix, id, piece index and offset: what precedes a piece message's data. */
    public static final int PIECE_HEADER_LENGTH = 13;

    private WireFormat() {
    }

    /** The bytes {@code message} takes on the wire, length prefix included. */
    public static int encodedLength(WireMessage message) {
        return 4 + bodyLength(message);
    }

    /** The value of the length prefix: the id byte and the body. */
    private static int bodyLength(WireMessage message) {
        if (message instanceof WireMessage.KeepAlive) {
            return 0;
        }
        if (message instanceof WireMessage.Have || message instanceof WireMessage.SuggestPiece
                || message instanceof WireMessage.AllowedFast) {
            return 5;
        }
        if (message instanceof WireMessage.Request || message instanceof WireMessage.Cancel
                || message instanceof WireMessage.RejectRequest) {
            return 13;
        }
        if (message instanceof WireMessage.Port) {
            return 3;
        }
        if (message instanceof WireMessage.Bitfield b) {
            return 1 + b.bits().length;
        }
        if (message instanceof WireMessage.Piece p) {
            return 9 + p.length();
        }
        if (message instanceof WireMessage.Extended e) {
            return 2 + e.payload().length;
        }
        return 1; // choke, unchoke, interested, not interested, have all, have none
    }

    /**
     * Writes {@code message}. A piece's data is copied and its buffer left as it was (not
     * released): the encoder sends piece data without this copy.
     */
    public static void write(WireMessage message, ByteBuf out) {
        if (message instanceof WireMessage.Piece p) {
            writePieceHeader(p.piece(), p.offset(), p.length(), out);
            out.writeBytes(p.data(), p.data().readerIndex(), p.length());
            return;
        }
        out.writeInt(bodyLength(message));
        if (message instanceof WireMessage.KeepAlive) {
            return;
        }
        out.writeByte(message.id());
        if (message instanceof WireMessage.Have h) {
            out.writeInt(h.piece());
        } else if (message instanceof WireMessage.SuggestPiece s) {
            out.writeInt(s.piece());
        } else if (message instanceof WireMessage.AllowedFast a) {
            out.writeInt(a.piece());
        } else if (message instanceof WireMessage.Request r) {
            writeBlock(r.piece(), r.offset(), r.length(), out);
        } else if (message instanceof WireMessage.Cancel c) {
            writeBlock(c.piece(), c.offset(), c.length(), out);
        } else if (message instanceof WireMessage.RejectRequest r) {
            writeBlock(r.piece(), r.offset(), r.length(), out);
        } else if (message instanceof WireMessage.Port p) {
            out.writeShort(p.port());
        } else if (message instanceof WireMessage.Bitfield b) {
            out.writeBytes(b.bits());
        } else if (message instanceof WireMessage.Extended e) {
            out.writeByte(e.extendedId());
            out.writeBytes(e.payload());
        }
    }

    /** The 13 bytes before a piece message's {@code length} data bytes. */
    public static void writePieceHeader(int piece, int offset, int length, ByteBuf out) {
        out.writeInt(9 + length);
        out.writeByte(MessageIds.PIECE);
        out.writeInt(piece);
        out.writeInt(offset);
    }

    private static void writeBlock(int piece, int offset, int length, ByteBuf out) {
        out.writeInt(piece);
        out.writeInt(offset);
        out.writeInt(length);
    }
}
