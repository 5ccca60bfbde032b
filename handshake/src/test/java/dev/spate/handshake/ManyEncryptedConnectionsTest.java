package dev.spate.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many encrypted connections at once over real sockets: every dial ends in exactly one outcome,
 * and every established RC4 stream carries its bytes intact both ways.
 */
class ManyEncryptedConnectionsTest {
    static final InfoHash TORRENT = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    static final int CONNECTIONS = 200;
    static final int BYTES = 64 * 1024;

    /**
     * Counts each connection's outcomes. On success it sends {@code payload} (if any) and checks
     * that what arrives counts up 0, 1, 2, ... as the other end sends it.
     */
    static final class Counting implements HandshakeCallback {
        final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        final CountDownLatch done = new CountDownLatch(CONNECTIONS);
        final AtomicLong goodBytes = new AtomicLong();
        final AtomicLong badBytes = new AtomicLong();
        final CountDownLatch allBytes = new CountDownLatch(1);
        final Map<HandshakeFailure, Integer> failures = new ConcurrentHashMap<>();
        private final byte[] payload;

        Counting(byte[] payload) {
            this.payload = payload;
        }

        @Override
        public void established(Channel channel, HandshakeResult result) {
            outcomes.merge(channel.remoteAddress().toString() + channel.localAddress(), 1, Integer::sum);
            if (result.encryption() != Encryption.RC4) {
                failures.merge(HandshakeFailure.ENCRYPTION_FAILED, 1, Integer::sum);
            }
            channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                private long seen;

                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    ByteBuf buf = (ByteBuf) msg;
                    byte[] bytes = ByteBufUtil.getBytes(buf); // one access: paranoid leak detection records each
                    buf.release();
                    int bad = 0;
                    for (byte b : bytes) {
                        bad += b == (byte) seen++ ? 0 : 1;
                    }
                    goodBytes.addAndGet(bytes.length - bad);
                    badBytes.addAndGet(bad);
                    if (goodBytes.get() + badBytes.get() >= (long) CONNECTIONS * BYTES) {
                        allBytes.countDown();
                    }
                }
            });
            if (payload != null) {
                channel.writeAndFlush(Unpooled.wrappedBuffer(payload));
            }
            done.countDown();
        }

        @Override
        public void failed(SocketAddress remoteAddress, HandshakeFailure reason) {
            failures.merge(reason, 1, Integer::sum);
            done.countDown();
        }
    }

    @Test
    void everyConnectionCompletesAndItsStreamArrivesIntact() throws Exception {
        byte[] pattern = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            pattern[i] = (byte) i;
        }
        Counting accepted = new Counting(null);
        Counting dialed = new Counting(pattern);
        Transport transport = Transport.create(2, "test-many");
        HandshakeConfig require = HandshakeConfig.of(PeerId.random(), Capabilities.spate())
                .withEncryption(EncryptionPolicy.REQUIRE);
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (PeerListener listener = PeerListener.bind(transport, any, new ServedTorrents().serve(TORRENT), require,
                SocketSettings.defaults(), accepted)) {
            HandshakeConfig dialing = HandshakeConfig.of(PeerId.random(), Capabilities.spate())
                    .withEncryption(EncryptionPolicy.REQUIRE);
            PeerDialer dialer = new PeerDialer(transport, dialing, SocketSettings.defaults(), CONNECTIONS, dialed);
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.port());
            for (int i = 0; i < CONNECTIONS; i++) {
                assertThat(dialer.connect(target, TORRENT)).isEqualTo(DialResult.STARTED);
            }
            assertThat(dialed.done.await(60, TimeUnit.SECONDS)).as("every dial ended").isTrue();
            assertThat(accepted.done.await(60, TimeUnit.SECONDS)).as("every accept ended").isTrue();
            assertThat(dialed.failures).isEmpty();
            assertThat(accepted.failures).isEmpty();
            assertThat(dialed.outcomes).hasSize(CONNECTIONS).allSatisfy((k, v) -> assertThat(v).isOne());
            assertThat(accepted.allBytes.await(60, TimeUnit.SECONDS)).as("%s bytes arrived of %s",
                    accepted.goodBytes, (long) CONNECTIONS * BYTES).isTrue();
            assertThat(accepted.badBytes).hasValue(0);
        } finally {
            transport.close();
        }
    }
}
