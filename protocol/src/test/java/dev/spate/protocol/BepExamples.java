package dev.spate.protocol;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every message written out by hand from the BEPs: length prefix, id, body. The torrent these
 * refer to has {@value #PIECES} pieces.
 */
final class BepExamples {
    static final int PIECES = 10;

    /** A message and its bytes; {@code message} makes a fresh one (a piece holds a buffer). */
    record Example(String name, String hex, Supplier<WireMessage> message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final byte[] EXTENSION_HANDSHAKE = "d1:md6:ut_pexi1eee".getBytes(StandardCharsets.US_ASCII);

    static List<Example> all() {
        return List.of(
                new Example("keep-alive", "00 00 00 00", () -> WireMessage.KEEP_ALIVE),
                new Example("choke", "00 00 00 01 00", () -> WireMessage.CHOKE),
                new Example("unchoke", "00 00 00 01 01", () -> WireMessage.UNCHOKE),
                new Example("interested", "00 00 00 01 02", () -> WireMessage.INTERESTED),
                new Example("not interested", "00 00 00 01 03", () -> WireMessage.NOT_INTERESTED),
                new Example("have", "00 00 00 05 04 00 00 00 09", () -> new WireMessage.Have(9)),
                new Example("bitfield", "00 00 00 03 05 a5 c0",
                        () -> new WireMessage.Bitfield(new byte[] {(byte) 0xa5, (byte) 0xc0})),
                new Example("request", "00 00 00 0d 06 00 00 00 01 00 00 40 00 00 00 40 00",
                        () -> new WireMessage.Request(1, 0x4000, 0x4000)),
                new Example("piece", "00 00 00 0c 07 00 00 00 02 00 00 80 00 61 62 63",
                        () -> new WireMessage.Piece(2, 0x8000, Unpooled.wrappedBuffer(new byte[] {'a', 'b', 'c'}))),
                new Example("cancel", "00 00 00 0d 08 00 00 00 03 00 00 00 00 00 00 40 00",
                        () -> new WireMessage.Cancel(3, 0, 0x4000)),
                new Example("port", "00 00 00 03 09 1a e1", () -> new WireMessage.Port(6881)),
                new Example("suggest piece", "00 00 00 05 0d 00 00 00 04", () -> new WireMessage.SuggestPiece(4)),
                new Example("have all", "00 00 00 01 0e", () -> WireMessage.HAVE_ALL),
                new Example("have none", "00 00 00 01 0f", () -> WireMessage.HAVE_NONE),
                new Example("reject request", "00 00 00 0d 10 00 00 00 05 00 00 c0 00 00 00 20 00",
                        () -> new WireMessage.RejectRequest(5, 0xc000, 0x2000)),
                new Example("allowed fast", "00 00 00 05 11 00 00 00 06", () -> new WireMessage.AllowedFast(6)),
                new Example("extended", "00 00 00 14 14 00 " + hex(EXTENSION_HANDSHAKE),
                        () -> new WireMessage.Extended(0, EXTENSION_HANDSHAKE)));
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private BepExamples() {
    }
}
