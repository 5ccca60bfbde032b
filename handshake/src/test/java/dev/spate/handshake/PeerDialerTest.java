package dev.spate.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.InfoHash;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerDialerTest {
    static final InfoHash TORRENT = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    static final InetSocketAddress NOWHERE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    static final HandshakeConfig CONFIG = HandshakeConfig.of(PeerId.random(), Capabilities.spate());

    /** A socket channel whose connect never completes, so dials stay half-open until they time out. */
    public static final class StalledSocketChannel extends NioSocketChannel {
        @Override
        protected boolean doConnect(SocketAddress remote, SocketAddress local) {
            return false;
        }
    }

    private final Transport stalled = new Transport(new NioEventLoopGroup(1), StalledSocketChannel.class,
            NioServerSocketChannel.class);

    @AfterEach
    void stop() {
        stalled.close();
    }

    private PeerDialer dialer(int maxHalfOpen, Duration connectTimeout, HandshakeCallback callback) {
        return new PeerDialer(stalled, CONFIG, SocketSettings.defaults().withConnectTimeout(connectTimeout),
                maxHalfOpen, callback);
    }

    @Test
    void refusesAtOnceBeyondTheHalfOpenLimit() {
        RecordingCallback callback = new RecordingCallback();
        PeerDialer dialer = dialer(2, Duration.ofMinutes(1), callback);
        assertThat(dialer.connect(NOWHERE, TORRENT)).isEqualTo(DialResult.STARTED);
        assertThat(dialer.connect(NOWHERE, TORRENT)).isEqualTo(DialResult.STARTED);
        assertThat(dialer.connect(NOWHERE, TORRENT)).isEqualTo(DialResult.REFUSED_HALF_OPEN_LIMIT);
        assertThat(dialer.halfOpen()).isEqualTo(2);
        assertThat(callback.calls()).as("a refused dial is not reported through the callback").isZero();
    }

    @Test
    void aLimitOfZeroRefusesEveryDial() {
        PeerDialer dialer = dialer(0, Duration.ofMinutes(1), new RecordingCallback());
        assertThat(dialer.connect(NOWHERE, TORRENT)).isEqualTo(DialResult.REFUSED_HALF_OPEN_LIMIT);
    }

    @Test
    void refusesToDialOnceTheTransportIsClosing() {
        PeerDialer dialer = dialer(2, Duration.ofMinutes(1), new RecordingCallback());
        stalled.close();
        assertThat(dialer.connect(NOWHERE, TORRENT)).isEqualTo(DialResult.REFUSED_SHUTTING_DOWN);
        assertThat(dialer.halfOpen()).isZero();
    }

    @Test
    void aTimedOutConnectFreesItsSlotAndIsReported() throws Exception {
        RecordingCallback callback = new RecordingCallback();
        PeerDialer dialer = dialer(1, Duration.ofMillis(50), callback);
        assertThat(dialer.connect(NOWHERE, TORRENT)).isEqualTo(DialResult.STARTED);
        assertThat(dialer.connect(NOWHERE, TORRENT)).isEqualTo(DialResult.REFUSED_HALF_OPEN_LIMIT);

        assertThat(callback.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(HandshakeFailure.CONNECT_TIMEOUT);
        assertThat(callback.failedAddresses).containsExactly(NOWHERE);
        assertThat(dialer.halfOpen()).isZero();
        assertThat(dialer.connect(NOWHERE, TORRENT)).isEqualTo(DialResult.STARTED);
    }
}
