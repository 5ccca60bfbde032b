package dev.spate.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.InfoHash;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real listener and a real dialer on 127.0.0.1, random ports; with the default policy (prefer)
 * the handshake goes encrypted (MSE) and the stream after it stays plaintext, as both ends allow.
 */
class LoopbackHandshakeTest {
    static final InfoHash TORRENT = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    static final InfoHash UNKNOWN = InfoHash.fromHex("ffffffffffffffffffffffffffffffffffffffff");
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Transport transport;
    private PeerListener listener;
    private final RecordingCallback seeder = new RecordingCallback();
    private final RecordingCallback leecher = new RecordingCallback();
    private final PeerId seederId = PeerId.random();
    private final PeerId leecherId = PeerId.random();

    @BeforeEach
    void start() {
        transport = Transport.create(2, "test-peers");
        listener = PeerListener.bind(transport, new InetSocketAddress(LOOPBACK, 0), new ServedTorrents().serve(TORRENT),
                HandshakeConfig.of(seederId, Capabilities.spate()), SocketSettings.defaults(), seeder);
    }

    @AfterEach
    void stop() {
        listener.close();
        transport.close();
    }

    private PeerDialer dialer(RecordingCallback callback) {
        return new PeerDialer(transport, HandshakeConfig.of(leecherId, Capabilities.NONE.withExtensionProtocol()),
                SocketSettings.defaults(), 8, callback);
    }

    @Test
    void dialerAndListenerExchangeHandshakes() throws Exception {
        assertThat(listener.port()).isPositive();
        assertThat(dialer(leecher).connect(new InetSocketAddress(LOOPBACK, listener.port()), TORRENT))
                .isEqualTo(DialResult.STARTED);

        HandshakeResult dialed = (HandshakeResult) leecher.outcome.get(10, TimeUnit.SECONDS);
        HandshakeResult accepted = (HandshakeResult) seeder.outcome.get(10, TimeUnit.SECONDS);
        assertThat(dialed.direction()).isEqualTo(HandshakeDirection.OUTBOUND);
        assertThat(dialed.remote().peerId()).isEqualTo(seederId);
        assertThat(dialed.shared()).isEqualTo(Capabilities.NONE.withExtensionProtocol());
        assertThat(accepted.direction()).isEqualTo(HandshakeDirection.INBOUND);
        assertThat(accepted.remote().peerId()).isEqualTo(leecherId);
        assertThat(accepted.remote().infoHash()).isEqualTo(TORRENT.wireId());
        assertThat(dialed.encryption()).isEqualTo(Encryption.MSE_PLAINTEXT);
        assertThat(accepted.encryption()).isEqualTo(Encryption.MSE_PLAINTEXT);

        // The channel is handed on: bytes written now reach what the seeder's callback installed.
        Channel channel = leecher.channel.get();
        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 2})).sync();
        assertThat(seeder.awaitBytes(5).get(10, TimeUnit.SECONDS)).containsExactly(0, 0, 0, 1, 2);
        channel.close().sync();
    }

    @Test
    void anUnknownInfoHashIsDroppedOnBothSides() throws Exception {
        dialer(leecher).connect(new InetSocketAddress(LOOPBACK, listener.port()), UNKNOWN);
        assertThat(seeder.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(HandshakeFailure.UNKNOWN_INFO_HASH);
        // A close, or a reset if the listener had not read the whole handshake when it closed.
        assertThat(leecher.outcome.get(10, TimeUnit.SECONDS))
                .isIn(HandshakeFailure.CONNECTION_CLOSED, HandshakeFailure.IO_ERROR);
    }

    @Test
    void aRefusedConnectionIsReportedWithItsAddress() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, LOOPBACK)) {
            closedPort = socket.getLocalPort();
        }
        SocketAddress target = new InetSocketAddress(LOOPBACK, closedPort);
        PeerDialer dialer = dialer(leecher);
        dialer.connect((InetSocketAddress) target, TORRENT);
        assertThat(leecher.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(HandshakeFailure.CONNECT_FAILED);
        assertThat(leecher.failedAddresses).containsExactly(target);
        assertThat(dialer.halfOpen()).isZero();
    }

    @Test
    void dialingOurOwnListenerIsDetected() throws Exception {
        PeerDialer self = new PeerDialer(transport, HandshakeConfig.of(seederId, Capabilities.spate()),
                SocketSettings.defaults(), 8, leecher);
        self.connect(new InetSocketAddress(LOOPBACK, listener.port()), TORRENT);
        assertThat(leecher.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(HandshakeFailure.CONNECTED_TO_SELF);
        assertThat(seeder.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(HandshakeFailure.CONNECTED_TO_SELF);
    }
}
