package dev.spate.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.InfoHash;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each dialing policy against each listening policy, over real sockets on 127.0.0.1. */
class EncryptionPolicyLoopbackTest {
    static final InfoHash TORRENT = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Transport transport;
    private final RecordingCallback dialed = new RecordingCallback();
    private final RecordingCallback accepted = new RecordingCallback();

    @BeforeEach
    void start() {
        transport = Transport.create(2, "test-mse");
    }

    @AfterEach
    void stop() {
        transport.close();
    }

    private PeerListener listen(EncryptionPolicy policy) {
        return PeerListener.bind(transport, new InetSocketAddress(LOOPBACK, 0), new ServedTorrents().serve(TORRENT),
                HandshakeConfig.of(PeerId.random(), Capabilities.spate()).withEncryption(policy),
                SocketSettings.defaults(), accepted);
    }

    private PeerDialer dialer(EncryptionPolicy policy) {
        HandshakeConfig config = HandshakeConfig.of(PeerId.random(), Capabilities.spate()).withEncryption(policy);
        return new PeerDialer(transport, config, SocketSettings.defaults(), 8, dialed);
    }

    @ParameterizedTest(name = "{0} dials {1}: {2}")
    @CsvSource({
        "PREFER,  PREFER,  MSE_PLAINTEXT",
        "PREFER,  REQUIRE, RC4",
        "PREFER,  DISABLE, MSE_PLAINTEXT",
        "REQUIRE, PREFER,  RC4",
        "REQUIRE, REQUIRE, RC4",
        "DISABLE, PREFER,  NONE",
        "DISABLE, DISABLE, NONE",
    })
    void connects(EncryptionPolicy dialing, EncryptionPolicy listening, Encryption expected) throws Exception {
        try (PeerListener listener = listen(listening)) {
            dialer(dialing).connect(new InetSocketAddress(LOOPBACK, listener.port()), TORRENT);
            HandshakeResult out = (HandshakeResult) dialed.outcome.get(10, TimeUnit.SECONDS);
            HandshakeResult in = (HandshakeResult) accepted.outcome.get(10, TimeUnit.SECONDS);
            assertThat(out.encryption()).isEqualTo(expected);
            assertThat(in.encryption()).isEqualTo(expected);

            // The stream works both ways after it.
            Channel a = dialed.channel.get();
            Channel b = accepted.channel.get();
            a.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5})).sync();
            b.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {9, 8, 7})).sync();
            assertThat(accepted.awaitBytes(5).get(10, TimeUnit.SECONDS)).containsExactly(1, 2, 3, 4, 5);
            assertThat(dialed.awaitBytes(3).get(10, TimeUnit.SECONDS)).containsExactly(9, 8, 7);
            a.close().sync();
        }
    }

    @Test
    void requireDoesNotConnectToDisable() throws Exception {
        try (PeerListener listener = listen(EncryptionPolicy.DISABLE)) {
            dialer(EncryptionPolicy.REQUIRE).connect(new InetSocketAddress(LOOPBACK, listener.port()), TORRENT);
            assertThat(dialed.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(HandshakeFailure.ENCRYPTION_FAILED);
            assertThat(accepted.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(HandshakeFailure.ENCRYPTION_REFUSED);
            assertThat(dialed.calls()).as("no plaintext retry under require").isOne();
        }
    }

    @Test
    void disableDoesNotConnectToRequire() throws Exception {
        try (PeerListener listener = listen(EncryptionPolicy.REQUIRE)) {
            dialer(EncryptionPolicy.DISABLE).connect(new InetSocketAddress(LOOPBACK, listener.port()), TORRENT);
            assertThat(accepted.outcome.get(10, TimeUnit.SECONDS)).isEqualTo(HandshakeFailure.ENCRYPTION_REFUSED);
            assertThat(dialed.outcome.get(10, TimeUnit.SECONDS))
                    .isIn(HandshakeFailure.CONNECTION_CLOSED, HandshakeFailure.IO_ERROR);
        }
    }

    @Test
    void aPeerThatResetsAtOnceIsReportedOnceWithTheDialedAddress() throws Exception {
        try (java.net.ServerSocket resetter = new java.net.ServerSocket(0, 50, LOOPBACK)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        java.net.Socket s = resetter.accept();
                        s.setSoLinger(true, 0); // close with RST
                        s.close();
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, resetter.getLocalPort());
            for (EncryptionPolicy policy : EncryptionPolicy.values()) {
                RecordingCallback outcome = new RecordingCallback();
                PeerDialer dialer = new PeerDialer(transport, HandshakeConfig.of(PeerId.random(), Capabilities.spate())
                        .withEncryption(policy), SocketSettings.defaults(), 8, outcome);
                dialer.connect(target, TORRENT);
                assertThat(outcome.outcome.get(10, TimeUnit.SECONDS)).as(policy.toString())
                        .isInstanceOf(HandshakeFailure.class);
                assertThat(outcome.failedAddresses).as(policy.toString()).containsExactly(target);
            }
            resetter.close();
            acceptor.join();
        }
    }

    @Test
    void preferFallsBackToAPlainHandshakeWithAPeerThatDoesNotSpeakMse() throws Exception {
        // An old client: the plain handshake handler alone, which closes on the first byte of a key.
        RecordingCallback legacy = new RecordingCallback();
        Channel server = new ServerBootstrap().group(transport.group()).channel(transport.serverChannelClass())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(HandshakeHandler.inbound(TORRENT::matchesWireId,
                                HandshakeConfig.of(PeerId.random(), Capabilities.spate()), legacy));
                    }
                }).bind(new InetSocketAddress(LOOPBACK, 0)).sync().channel();
        try {
            PeerDialer dialer = dialer(EncryptionPolicy.PREFER);
            dialer.connect((InetSocketAddress) server.localAddress(), TORRENT);
            HandshakeResult out = (HandshakeResult) dialed.outcome.get(10, TimeUnit.SECONDS);
            assertThat(out.encryption()).isEqualTo(Encryption.NONE);
            assertThat(dialed.calls()).as("the failed encrypted attempt is not reported").isOne();
            legacy.channel.get(10, TimeUnit.SECONDS);
            assertThat(legacy.failures).containsExactly(HandshakeFailure.BAD_PROTOCOL);
            assertThat(legacy.established).hasSize(1);
            assertThat(dialer.halfOpen()).isZero();
        } finally {
            server.close().sync();
        }
    }
}
