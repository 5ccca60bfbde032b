package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.handshake.EncryptionPolicy;
import dev.spate.metainfo.Metainfo;
import dev.spate.protocol.ExtensionHandshake;
import dev.spate.protocol.WireMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spate to spate over TCP on 127.0.0.1 with each encryption policy: what the connections use (the
 * RC4 cipher in the pipeline or not), how blocks leave the seeder (zero-copy file regions only on
 * plaintext connections), and what the extension handshake's {@code e} says.
 */
class EncryptedSwarmTest {
    @TempDir
    Path tmp;

    private final List<AutoCloseable> closeAtEnd = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closeAtEnd.size() - 1; i >= 0; i--) {
            closeAtEnd.get(i).close();
        }
    }

    /** What one client's peer connections looked like. */
    static final class Observed {
        final Queue<Boolean> ciphered = new ConcurrentLinkedQueue<>();
        final Queue<Boolean> prefersEncryption = new ConcurrentLinkedQueue<>();
        final AtomicInteger fileRegions = new AtomicInteger();
        final AtomicInteger buffers = new AtomicInteger();

        void attach(Channel channel) {
            ciphered.add(channel.pipeline().get("cipher") != null);
            // At the head: what finally goes to the socket.
            channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    if (msg instanceof FileRegion) {
                        fileRegions.incrementAndGet();
                    } else if (msg instanceof ByteBuf) {
                        buffers.incrementAndGet();
                    }
                    ctx.write(msg, promise);
                }
            });
            // Before the encoder: our messages, among them our extension handshake.
            channel.pipeline().addAfter("wire-encoder", "observer", new ChannelOutboundHandlerAdapter() {
                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    if (msg instanceof WireMessage.Extended e && e.extendedId() == 0) {
                        prefersEncryption.add(ExtensionHandshake.decode(e.payload()).prefersEncryption());
                    }
                    ctx.write(msg, promise);
                }
            });
        }
    }

    private TorrentClient client(EncryptionPolicy policy, Observed observed) {
        ClientConfig config = ClientConfig.loopback().withNetworkThreads(2).toBuilder().encryption(policy)
                .peerChannelHook(observed::attach).build();
        TorrentClient c = TorrentClient.create(config);
        closeAtEnd.add(c);
        return c;
    }

    /** A seeder with {@code seeding} and a leecher with {@code leeching}; returns when the leecher has it all. */
    private void transfer(EncryptionPolicy seeding, Observed seederSaw, EncryptionPolicy leeching, Observed leecherSaw)
            throws Exception {
        Path seedDir = tmp.resolve("seed");
        Payloads.write(seedDir.resolve("payload.bin"), 3_000_000, 5);
        Metainfo torrent = Payloads.torrent(seedDir.resolve("payload.bin"), 64 * 1024);
        TorrentClient seeder = client(seeding, seederSaw);
        seeder.add(torrent, seedDir).completion().get(30, TimeUnit.SECONDS);
        TorrentHandle leech = client(leeching, leecherSaw).add(torrent, tmp.resolve("leech"));
        leech.addPeer(new InetSocketAddress("127.0.0.1", seeder.listenPort()));
        leech.completion().get(60, TimeUnit.SECONDS);
        Payloads.assertSameTree(seedDir, tmp.resolve("leech"));
    }

    @Test
    void requireOnBothSidesTransfersEverythingThroughRc4() throws Exception {
        Observed seeder = new Observed();
        Observed leecher = new Observed();
        transfer(EncryptionPolicy.REQUIRE, seeder, EncryptionPolicy.REQUIRE, leecher);
        assertThat(seeder.ciphered).isNotEmpty().containsOnly(true);
        assertThat(leecher.ciphered).isNotEmpty().containsOnly(true);
        assertThat(seeder.fileRegions).as("no zero-copy through a cipher").hasValue(0);
        assertThat(seeder.buffers.get()).as("blocks went out as buffers").isGreaterThan(40);
        assertThat(seeder.prefersEncryption).isNotEmpty().containsOnly(true);
        assertThat(leecher.prefersEncryption).isNotEmpty().containsOnly(true);
    }

    @Test
    void plainConnectionsKeepZeroCopy() throws Exception {
        Observed seeder = new Observed();
        Observed leecher = new Observed();
        transfer(EncryptionPolicy.DISABLE, seeder, EncryptionPolicy.DISABLE, leecher);
        assertThat(seeder.ciphered).isNotEmpty().containsOnly(false);
        assertThat(seeder.fileRegions.get()).as("blocks went out as file regions").isGreaterThan(40);
        assertThat(seeder.prefersEncryption).isNotEmpty().containsOnly(false);
        assertThat(leecher.prefersEncryption).isNotEmpty().containsOnly(false);
    }

    @Test
    void preferMeetingDisableNegotiatesPlaintextAndKeepsZeroCopy() throws Exception {
        Observed seeder = new Observed();
        Observed leecher = new Observed();
        transfer(EncryptionPolicy.DISABLE, seeder, EncryptionPolicy.PREFER, leecher);
        assertThat(leecher.ciphered).isNotEmpty().containsOnly(false);
        assertThat(seeder.fileRegions.get()).isGreaterThan(40);
        assertThat(leecher.prefersEncryption).isNotEmpty().containsOnly(true);
    }
}
