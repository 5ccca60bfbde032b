package dev.spate.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Turns the bytes after the handshake into {@link WireMessage}s. Every frame's length prefix is
 * checked ({@link FrameRules}) before the body is allocated or waited for; a frame longer than
 * any message may be is refused from its first four bytes. Indexes are checked against the
 * piece count once it is known ({@link #pieceCount(int)}). Unknown message ids are skipped as
 * their bytes arrive (never buffered) and counted.
 *
 * <p>A violation raises {@link ProtocolViolation} through {@code exceptionCaught}, after the
 * messages before it have been passed on; the decoder then discards everything that follows.
 * Messages are passed on one {@code channelRead} each, all of a socket read before its
 * {@code channelReadComplete}. {@link WireMessage.Piece} data is a retained slice of the receive
 * buffer: the handler that receives a piece owns it.
 *
 * <p>Reads are joined with Netty's default merge cumulator: a frame that spans reads is copied
 * once into a contiguous buffer, so the decoder holds at most one frame plus one read per peer
 * however a peer slices its bytes. The composite cumulator ({@code setCumulator}) skips that
 * copy (about twice the decode-and-copy throughput in {@code WireCodecBench}) but keeps every
 * read buffer alive until its bytes are consumed, which a peer trickling a large frame a byte
 * at a time could abuse; it is not the default for that reason.
 *
 * <p>Runs on the channel's event loop; so must {@link #pieceCount(int)}.
 */
public final class WireDecoder extends ByteToMessageDecoder {
    private final FrameRules rules;
    private ChannelHandlerContext ctx;
    private long skipRemaining;
    private long unknownMessages;
    private boolean broken;

    public WireDecoder() {
        this(WireLimits.defaults());
    }

    public WireDecoder(WireLimits limits) {
        this.rules = new FrameRules(limits);
    }

    /**
     * The torrent's piece count, when it is known (a magnet link learns it from the metadata).
     * Before the decoder is in a pipeline any thread may set it; after, only its event loop.
     */
    public WireDecoder pieceCount(int count) {
        assert ctx == null || ctx.executor().inEventLoop() : "pieceCount set off the channel's event loop";
        rules.pieceCount(count);
        return this;
    }

    /** The piece count, or -1 while it is unknown. */
    public int pieceCount() {
        return rules.pieceCount();
    }

    /** How many messages with an unknown id were skipped. */
    public long unknownMessages() {
        return unknownMessages;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            decodeFrames(in, out);
        } catch (ProtocolViolation e) {
            broken = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    private void decodeFrames(ByteBuf in, List<Object> out) {
        while (true) {
            if (skipRemaining > 0) {
                int n = (int) Math.min(skipRemaining, in.readableBytes());
                in.skipBytes(n);
                skipRemaining -= n;
                if (skipRemaining > 0) {
                    return;
                }
            }
            int readable = in.readableBytes();
            if (readable < 4) {
                return;
            }
            int start = in.readerIndex();
            long length = in.getUnsignedInt(start);
            if (length == 0) {
                in.skipBytes(4);
                out.add(WireMessage.KEEP_ALIVE);
                continue;
            }
            rules.checkFrameLength(length);
            if (readable < 5) {
                return;
            }
            int id = in.getUnsignedByte(start + 4);
            if (!MessageIds.isKnown(id)) {
                rules.checkUnknownLength(id, length);
                unknownMessages++;
                in.skipBytes(5);
                skipRemaining = length - 1;
                continue;
            }
            rules.checkLength(id, length);
            if (readable < 4 + length) {
                return;
            }
            in.skipBytes(5);
            out.add(body(id, (int) length - 1, in));
        }
    }

    /** Reads a body whose length has been checked and whose bytes are all there. */
    private WireMessage body(int id, int length, ByteBuf in) {
        return switch (id) {
            case MessageIds.CHOKE -> WireMessage.CHOKE;
            case MessageIds.UNCHOKE -> WireMessage.UNCHOKE;
            case MessageIds.INTERESTED -> WireMessage.INTERESTED;
            case MessageIds.NOT_INTERESTED -> WireMessage.NOT_INTERESTED;
            case MessageIds.HAVE_ALL -> WireMessage.HAVE_ALL;
            case MessageIds.HAVE_NONE -> WireMessage.HAVE_NONE;
            case MessageIds.HAVE -> new WireMessage.Have(piece(id, in.readInt()));
            case MessageIds.SUGGEST_PIECE -> new WireMessage.SuggestPiece(piece(id, in.readInt()));
            case MessageIds.ALLOWED_FAST -> new WireMessage.AllowedFast(piece(id, in.readInt()));
            case MessageIds.REQUEST -> new WireMessage.Request(piece(id, in.readInt()), offset(id, in.readInt()),
                    blockLength(id, in.readInt()));
            case MessageIds.CANCEL -> new WireMessage.Cancel(piece(id, in.readInt()), offset(id, in.readInt()),
                    blockLength(id, in.readInt()));
            case MessageIds.REJECT_REQUEST -> new WireMessage.RejectRequest(piece(id, in.readInt()),
                    offset(id, in.readInt()), blockLength(id, in.readInt()));
            case MessageIds.PORT -> new WireMessage.Port(in.readUnsignedShort());
            case MessageIds.BITFIELD -> bitfield(length, in);
            case MessageIds.PIECE -> {
                int piece = piece(id, in.readInt());
                int offset = offset(id, in.readInt());
                yield new WireMessage.Piece(piece, offset, in.readRetainedSlice(length - 8));
            }
            case MessageIds.EXTENDED -> {
                int extendedId = in.readUnsignedByte();
                byte[] payload = new byte[length - 1];
                in.readBytes(payload);
                yield new WireMessage.Extended(extendedId, payload);
            }
            default -> throw new IllegalStateException("unreachable: id " + id);
        };
    }

    private WireMessage.Bitfield bitfield(int length, ByteBuf in) {
        int count = rules.pieceCount();
        if (count != FrameRules.UNKNOWN && count % 8 != 0) {
            int spare = in.getUnsignedByte(in.readerIndex() + length - 1) & (0xff >>> (count % 8));
            if (spare != 0) {
                throw new ProtocolViolation("bitfield sets spare bits past piece " + (count - 1) + " (last byte 0x"
                        + Integer.toHexString(in.getUnsignedByte(in.readerIndex() + length - 1)) + ")");
            }
        }
        byte[] bits = new byte[length];
        in.readBytes(bits);
        return new WireMessage.Bitfield(bits);
    }

    private int piece(int id, int piece) {
        int count = rules.pieceCount();
        if (piece < 0 || (count != FrameRules.UNKNOWN && piece >= count)) {
            throw new ProtocolViolation(MessageIds.name(id) + " names piece " + Integer.toUnsignedString(piece)
                    + (count == FrameRules.UNKNOWN ? "" : ", the torrent has " + count + " pieces"));
        }
        return piece;
    }

    private static int offset(int id, int offset) {
        if (offset < 0) {
            throw new ProtocolViolation(MessageIds.name(id) + " has offset " + Integer.toUnsignedString(offset));
        }
        return offset;
    }

    private int blockLength(int id, int length) {
        int max = rules.limits().maxBlockLength();
        if (length <= 0 || length > max) {
            throw new ProtocolViolation(MessageIds.name(id) + " is for " + Integer.toUnsignedString(length)
                    + " bytes, expected 1 to " + max);
        }
        return length;
    }
}
