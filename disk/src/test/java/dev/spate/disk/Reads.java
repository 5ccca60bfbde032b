package dev.spate.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.FileRegion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test helper: reads for upload as futures, and what a result holds as bytes. */
final class Reads {

    private Reads() {
    }

    static ReadResult read(TorrentDisk torrent, int piece, int offset, int length) throws Exception {
        return read(torrent, piece, offset, length, true);
    }

    /** As {@link TorrentDisk#readIntoMemory}. */
    static ReadResult readIntoMemory(TorrentDisk torrent, int piece, int offset, int length) throws Exception {
        return read(torrent, piece, offset, length, false);
    }

    private static ReadResult read(TorrentDisk torrent, int piece, int offset, int length, boolean regionAllowed)
            throws Exception {
        CompletableFuture<ReadResult> result = new CompletableFuture<>();
        ReadCallback callback = (p, o, l, r) -> {
            assertThat(p).isEqualTo(piece);
            assertThat(o).isEqualTo(offset);
            assertThat(l).isEqualTo(length);
            result.complete(r);
        };
        if (regionAllowed) {
            torrent.read(piece, offset, length, callback);
        } else {
            torrent.readIntoMemory(piece, offset, length, callback);
        }
        return result.get(RecordingListener.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The result's bytes; releases it. */
    static byte[] bytes(ReadResult result) throws IOException {
        try {
            if (result instanceof ReadResult.Data data) {
                return ByteBufUtil.getBytes(data.buffer());
            }
            if (result instanceof ReadResult.Region region) {
                return transfer(region.region());
            }
            throw new AssertionError("read failed: " + result);
        } finally {
            result.release();
        }
    }

    private static byte[] transfer(FileRegion region) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WritableByteChannel channel = Channels.newChannel(out);
        while (region.transferred() < region.count()) {
            region.transferTo(channel, region.transferred());
        }
        return out.toByteArray();
    }
}
