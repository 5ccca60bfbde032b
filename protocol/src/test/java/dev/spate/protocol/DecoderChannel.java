package dev.spate.protocol;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/** A {@link WireDecoder} in an {@link EmbeddedChannel}, fed and drained by tests. */
final class DecoderChannel implements AutoCloseable {
    final WireDecoder decoder;
    final EmbeddedChannel channel;

    DecoderChannel(WireDecoder decoder) {
        this.decoder = decoder;
        this.channel = new EmbeddedChannel(decoder);
    }

    static DecoderChannel withPieces(int pieces) {
        return new DecoderChannel(new WireDecoder().pieceCount(pieces));
    }

    void feed(String hex) {
        channel.writeInbound(Hex.buf(hex));
    }

    void feed(byte[] bytes) {
        channel.writeInbound(Hex.buf(bytes));
    }

    void feedByteByByte(byte[] bytes) {
        for (byte b : bytes) {
            channel.writeInbound(Hex.buf(new byte[] {b}));
        }
    }

    /** Everything decoded so far; the caller owns the messages (release pieces). */
    List<WireMessage> drain() {
        List<WireMessage> out = new ArrayList<>();
        for (Object m = channel.readInbound(); m != null; m = channel.readInbound()) {
            out.add((WireMessage) m);
        }
        return out;
    }

    static void release(List<?> messages) {
        for (Object m : messages) {
            ReferenceCountUtil.release(m);
        }
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
