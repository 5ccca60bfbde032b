package dev.spate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.protocol.BepExamples.Example;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.FileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WireEncoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new WireEncoder());

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    static List<Example> examples() {
        return BepExamples.all();
    }

    /** Everything the encoder passed on, as raw objects; the caller releases them. */
    private List<Object> outbound() {
        List<Object> out = new ArrayList<>();
        for (Object m = channel.readOutbound(); m != null; m = channel.readOutbound()) {
            out.add(m);
        }
        return out;
    }

    /** Everything the encoder passed on (buffers only), as hex; releases what it read. */
    private String outboundHex() {
        StringBuilder hex = new StringBuilder();
        for (Object m : outbound()) {
            hex.append(Hex.of((ByteBuf) m));
            ReferenceCountUtil.release(m);
        }
        return hex.toString();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void writesTheBytesOfTheBeps(Example example) {
        channel.writeOutbound(example.message().get());
        assertThat(outboundHex()).isEqualTo(Hex.normalize(example.hex()));
    }

    @Test
    void messagesBetweenTwoFlushesShareOneBuffer() {
        List<ChannelFuture> writes = new ArrayList<>();
        writes.add(channel.write(new WireMessage.Request(0, 0, 0x4000)));
        writes.add(channel.write(new WireMessage.Request(0, 0x4000, 0x4000)));
        writes.add(channel.write(new WireMessage.Have(7)));
        writes.add(channel.write(WireMessage.INTERESTED));
        assertThat(channel.outboundMessages()).isEmpty();
        assertThat(writes).noneMatch(ChannelFuture::isDone);

        channel.flush();
        List<Object> out = outbound();
        try {
            assertThat(out).hasSize(1);
            assertThat(Hex.of((ByteBuf) out.get(0))).isEqualTo(Hex.normalize(
                    "00 00 00 0d 06 00 00 00 00 00 00 00 00 00 00 40 00"
                            + "00 00 00 0d 06 00 00 00 00 00 00 40 00 00 00 40 00"
                            + "00 00 00 05 04 00 00 00 07"
                            + "00 00 00 01 02"));
            assertThat(writes).allMatch(ChannelFuture::isSuccess);
        } finally {
            DecoderChannel.release(out);
        }
    }

    @Test
    void aLongBurstIsPassedOnInBuffersOfBoundedSize() {
        for (int i = 0; i < 10_000; i++) {
            channel.write(new WireMessage.Have(i));
        }
        channel.flush();
        List<Object> out = outbound();
        try {
            assertThat(out).hasSizeGreaterThan(1);
            assertThat(out).allMatch(b -> ((ByteBuf) b).readableBytes() <= 64 * 1024 + 9);
            assertThat(out.stream().mapToInt(b -> ((ByteBuf) b).readableBytes()).sum()).isEqualTo(90_000);
        } finally {
            DecoderChannel.release(out);
        }
    }

    @Test
    void pieceDataFollowsItsHeaderUncopied() {
        ByteBuf data = PooledByteBufAllocator.DEFAULT.directBuffer(16 * 1024).writeZero(16 * 1024);
        channel.write(new WireMessage.Have(1));
        ChannelFuture written = channel.writeAndFlush(new WireMessage.Piece(3, 0x4000, data));
        List<Object> out = outbound();
        try {
            assertThat(out).hasSize(2);
            assertThat(Hex.of((ByteBuf) out.get(0)))
                    .isEqualTo(Hex.normalize("00 00 00 05 04 00 00 00 01  00 00 40 09 07 00 00 00 03 00 00 40 00"));
            assertThat(out.get(1)).isSameAs(data);
            assertThat(written.isSuccess()).isTrue();
        } finally {
            DecoderChannel.release(out);
        }
    }

    @Test
    void aFilePieceHandsItsRegionOn(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("block"), new byte[100]);
        FileRegion region = new DefaultFileRegion(file.toFile(), 20, 50);
        channel.writeAndFlush(new FilePiece(4, 20, region));
        List<Object> out = outbound();
        try {
            assertThat(out).hasSize(2);
            assertThat(Hex.of((ByteBuf) out.get(0))).isEqualTo(Hex.normalize("00 00 00 3b 07 00 00 00 04 00 00 00 14"));
            assertThat(out.get(1)).isSameAs(region);
        } finally {
            DecoderChannel.release(out);
        }
    }

    @Test
    void otherMessagesPassThroughInOrder() {
        ByteBuf raw = Hex.buf("ff");
        channel.write(WireMessage.CHOKE);
        channel.writeAndFlush(raw);
        List<Object> out = outbound();
        try {
            assertThat(out).hasSize(2);
            assertThat(Hex.of((ByteBuf) out.get(0))).isEqualTo("0000000100");
            assertThat(out.get(1)).isSameAs(raw);
        } finally {
            DecoderChannel.release(out);
        }
    }

    @Test
    void aCloseFailsWhatWasWrittenButNotFlushed() {
        ChannelFuture write = channel.write(new WireMessage.Have(1));
        channel.close();
        assertThat(write.isDone()).isTrue();
        assertThat(write.cause()).isInstanceOf(ClosedChannelException.class);
        assertThat(outbound()).isEmpty();
    }
}
