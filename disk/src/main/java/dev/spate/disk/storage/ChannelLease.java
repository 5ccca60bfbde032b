package dev.spate.disk.storage;

import java.nio.channels.FileChannel;

/**
 * A counted reference to an open file, for a zero-copy send. The channel stays open until
 * {@link #release()}; release exactly once, on any thread. Do not close the channel.
 */
public interface ChannelLease {

    FileChannel channel();

    void release();
}
