package dev.spate.bench;

import dev.spate.protocol.WireDecoder;
import dev.spate.protocol.WireFormat;
import dev.spate.protocol.WireMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast {@link WireDecoder} turns a stream into messages, fed in socket-sized reads as Netty
 * would feed it. One operation is one message: for pieces, MB/s = ops/s x 16397 / 10^6 (16384
 * data bytes plus the 13-byte header); {@code -prof gc} gives gc.alloc.rate.norm, the bytes
 * allocated per message. The sink copies each piece's data once into a block buffer and releases
 * it, as the peer's state machine will with a block token's buffer.
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main WireCodecBench -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dio.netty.leakDetection.level=disabled"})
public class WireCodecBench {
    static final int BLOCK = 16 * 1024;
    static final int PIECES = 256;
    static final int REQUESTS = 4096;

    /** Bytes per socket read: what the receive buffer allocator hands the decoder at a time. */
    @Param({"65536"})
    int readSize;

    /** How ByteToMessageDecoder joins reads: copying into one buffer, or composing without a copy. */
    @Param({"merge", "composite"})
    String cumulator;

    private ByteBuf pieceStream;
    private ByteBuf requestStream;
    private EmbeddedChannel channel;
    private Sink sink;

    /**
     * Does with each message what the peer's state machine will: a piece is copied once into a
     * block buffer (the write token's) and released; anything else is counted.
     */
    static final class Sink extends ChannelInboundHandlerAdapter {
        final ByteBuf token = PooledByteBufAllocator.DEFAULT.directBuffer(BLOCK, BLOCK);
        long messages;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            messages++;
            if (msg instanceof WireMessage.Piece p) {
                ByteBuf data = p.data();
                token.setBytes(0, data, data.readerIndex(), data.readableBytes());
                p.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            throw new IllegalStateException("the benchmark's stream does not decode", cause);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        pieceStream = PooledByteBufAllocator.DEFAULT.directBuffer();
        ByteBuf block = PooledByteBufAllocator.DEFAULT.directBuffer(BLOCK).writeZero(BLOCK);
        for (int i = 0; i < PIECES; i++) {
            WireFormat.write(new WireMessage.Piece(i / 16, (i % 16) * BLOCK, block.duplicate()), pieceStream);
        }
        block.release();
        requestStream = PooledByteBufAllocator.DEFAULT.directBuffer();
        for (int i = 0; i < REQUESTS; i++) {
            WireFormat.write(new WireMessage.Request(i / 16, (i % 16) * BLOCK, BLOCK), requestStream);
        }
        WireDecoder decoder = new WireDecoder().pieceCount(1_000_000);
        decoder.setCumulator("composite".equals(cumulator)
                ? ByteToMessageDecoder.COMPOSITE_CUMULATOR : ByteToMessageDecoder.MERGE_CUMULATOR);
        sink = new Sink();
        channel = new EmbeddedChannel(decoder, sink);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
        sink.token.release();
        pieceStream.release();
        requestStream.release();
    }

    @Benchmark
    @OperationsPerInvocation(PIECES)
    public long decodePieces() {
        return feed(pieceStream);
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long decodeRequests() {
        return feed(requestStream);
    }

    /** Feeds the whole stream in reads of {@link #readSize} bytes, then ends the read burst. */
    private long feed(ByteBuf stream) {
        ChannelPipeline pipeline = channel.pipeline();
        int end = stream.writerIndex();
        for (int offset = 0; offset < end; offset += readSize) {
            pipeline.fireChannelRead(stream.retainedSlice(offset, Math.min(readSize, end - offset)));
        }
        pipeline.fireChannelReadComplete();
        return sink.messages;
    }
}
