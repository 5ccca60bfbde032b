package dev.spate.handshake.mse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Rc4CodecTest {
    static final byte[] IN_KEY = MseEnds.bytes(20, 1);
    static final byte[] OUT_KEY = MseEnds.bytes(20, 2);

    private final EmbeddedChannel channel = new EmbeddedChannel(new Rc4Codec(new Rc4(IN_KEY), new Rc4(OUT_KEY)));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aFileRegionCannotGoThroughTheCipher(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("block"), new byte[16384]);
        DefaultFileRegion region = new DefaultFileRegion(FileChannel.open(file, StandardOpenOption.READ), 0, 16384);
        assertThatThrownBy(() -> channel.writeOutbound(region))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("zero-copy file regions are for plaintext connections");
        assertThat(region.refCnt()).as("released").isZero();
        assertThat(channel.<Object>readOutbound()).isNull();
    }

    @Test
    void aReadOnlyBufferIsDecryptedIntoACopy() {
        byte[] plain = "read-only bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] cipher = plain.clone();
        new Rc4(IN_KEY).crypt(cipher, 0, cipher.length);
        ByteBuf readOnly = Unpooled.wrappedBuffer(cipher).asReadOnly();
        channel.writeInbound(readOnly);
        ByteBuf got = channel.readInbound();
        try {
            assertThat(ByteBufUtil.getBytes(got)).isEqualTo(plain);
            assertThat(readOnly.refCnt()).isZero();
            assertThat(cipher).as("the read-only bytes are untouched").isNotEqualTo(plain);
        } finally {
            got.release();
        }
    }

    @Test
    void writesAreEncryptedIntoFreshBuffersAndTheOriginalIsReleased() {
        byte[] plain = MseEnds.bytes(1000, 7);
        ByteBuf shared = Unpooled.wrappedBuffer(plain.clone());
        shared.retain(); // someone else (a read cache) holds it too
        channel.writeOutbound(shared);
        ByteBuf sent = channel.readOutbound();
        try {
            byte[] expected = plain.clone();
            new Rc4(OUT_KEY).crypt(expected, 0, expected.length);
            assertThat(ByteBufUtil.getBytes(sent)).isEqualTo(expected);
            assertThat(shared.refCnt()).isOne();
            assertThat(ByteBufUtil.getBytes(shared)).as("the shared block is not encrypted in place").isEqualTo(plain);
        } finally {
            sent.release();
            shared.release();
        }
    }
}
