package dev.spate.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.HexFormat;

/** Byte sequences written as hex, spaces allowed: "00 00 00 0d 06 ...". */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** A pooled direct buffer, like a socket read's, so the leak detector tracks it. */
    static ByteBuf buf(String hex) {
        return buf(bytes(hex));
    }

    static ByteBuf buf(byte[] bytes) {
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    /** The readable bytes as hex, without releasing the buffer. */
    static String of(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }

    static String normalize(String hex) {
        return hex.replace(" ", "").toLowerCase();
    }
}
