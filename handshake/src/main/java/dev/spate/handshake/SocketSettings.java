package dev.spate.handshake;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Socket options for peer connections.
 *
 * @param receiveBufferBytes SO_RCVBUF; 0 leaves it to the kernel's autotuning
 * @param sendBufferBytes SO_SNDBUF; 0 leaves it to the kernel's autotuning
 * @param writeBufferLowWaterMark below this many queued bytes a channel turns writable again
 * @param writeBufferHighWaterMark above this many queued bytes a channel turns unwritable: the
 *     peer's state machine stops serving blocks until it drains
 * @param connectTimeout how long a dial may take to connect
 */
public record SocketSettings(int receiveBufferBytes, int sendBufferBytes, int writeBufferLowWaterMark,
                             int writeBufferHighWaterMark, Duration connectTimeout) {

    /** The largest read per syscall: several 16 KiB blocks, so a fast peer costs few reads. */
    private static final int MAX_READ_BYTES = 256 * 1024;

    public SocketSettings {
        if (receiveBufferBytes < 0 || sendBufferBytes < 0) {
            throw new IllegalArgumentException("socket buffer sizes cannot be negative");
        }
        // Validates the pair (low <= high, both >= 0).
        new WriteBufferWaterMark(writeBufferLowWaterMark, writeBufferHighWaterMark);
        if (connectTimeout.isNegative() || connectTimeout.isZero() || connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the connect timeout must be positive: " + connectTimeout);
        }
    }

    /**
     * 1 MiB socket buffers (the kernel caps them at net.core.rmem_max/wmem_max and doubles them):
     * at loopback round trips of tens of microseconds that keeps 1 GB/s flowing with room to
     * spare. Water marks of 256 KiB and 1 MiB hold about 64 blocks in flight per peer.
     */
    public static SocketSettings defaults() {
        return new SocketSettings(1 << 20, 1 << 20, 256 * 1024, 1 << 20, Duration.ofSeconds(10));
    }

    public SocketSettings withConnectTimeout(Duration timeout) {
        return new SocketSettings(receiveBufferBytes, sendBufferBytes, writeBufferLowWaterMark,
                writeBufferHighWaterMark, timeout);
    }

    public SocketSettings withWriteBufferWaterMarks(int low, int high) {
        return new SocketSettings(receiveBufferBytes, sendBufferBytes, low, high, connectTimeout);
    }

    /** The options for a peer's channel (accepted or dialed), in the order they are applied. */
    Map<ChannelOption<?>, Object> channelOptions() {
        Map<ChannelOption<?>, Object> options = new LinkedHashMap<>();
        options.put(ChannelOption.TCP_NODELAY, true);
        options.put(ChannelOption.SO_KEEPALIVE, true);
        if (receiveBufferBytes > 0) {
            options.put(ChannelOption.SO_RCVBUF, receiveBufferBytes);
        }
        if (sendBufferBytes > 0) {
            options.put(ChannelOption.SO_SNDBUF, sendBufferBytes);
        }
        options.put(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(writeBufferLowWaterMark, writeBufferHighWaterMark));
        options.put(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
        options.put(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 16 * 1024, MAX_READ_BYTES));
        return options;
    }
}
