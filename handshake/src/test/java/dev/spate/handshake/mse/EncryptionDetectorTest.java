package dev.spate.handshake.mse;

import static dev.spate.handshake.mse.MseEnds.A_ID;
import static dev.spate.handshake.mse.MseEnds.B_ID;
import static dev.spate.handshake.mse.MseEnds.TORRENT;
import static dev.spate.handshake.mse.MseEnds.drain;
import static dev.spate.handshake.mse.MseEnds.feed;
import static dev.spate.handshake.mse.MseEnds.feedByteByByte;
import static dev.spate.handshake.mse.MseEnds.handshake;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.handshake.Encryption;
import dev.spate.handshake.EncryptionPolicy;
import dev.spate.handshake.HandshakeFailure;
import dev.spate.handshake.PeerListener;
import dev.spate.handshake.RecordingCallback;
import dev.spate.handshake.ServedTorrents;
import io.netty.channel.embedded.EmbeddedChannel;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One port for both: plain handshakes told from encrypted ones, and each policy's answer to a plain one. */
class EncryptionDetectorTest {
    private final RecordingCallback callback = new RecordingCallback();
    private EmbeddedChannel channel;

    @AfterEach
    void close() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    private EmbeddedChannel listener(ServedTorrents torrents, EncryptionPolicy defaultPolicy) {
        channel = MseEnds.responder(torrents, defaultPolicy, new ScriptedRandom(), callback);
        return channel;
    }

    @Test
    void aPlainHandshakeGoesThroughUntouchedWhenThePolicyAllowsIt() {
        EmbeddedChannel ch = listener(new ServedTorrents().serve(TORRENT), EncryptionPolicy.PREFER);
        feed(ch, handshake(TORRENT, A_ID));
        assertThat(drain(ch)).isEqualTo(handshake(TORRENT, B_ID));
        assertThat(callback.established).hasSize(1);
        assertThat(callback.established.get(0).encryption()).isEqualTo(Encryption.NONE);
        assertThat(ch.pipeline().names()).doesNotContain(PeerListener.ENCRYPTION);
    }

    @Test
    void requireRefusesAPlainHandshakeOnceItsInfoHashHasArrived() {
        EmbeddedChannel ch = listener(new ServedTorrents().serve(TORRENT), EncryptionPolicy.REQUIRE);
        byte[] plain = handshake(TORRENT, A_ID);
        feedByteByByte(ch, Arrays.copyOf(plain, 47));
        assertThat(ch.isOpen()).isTrue();
        feed(ch, plain, 47, plain.length);
        assertThat(callback.failures).containsExactly(HandshakeFailure.ENCRYPTION_REFUSED);
        assertThat(ch.isOpen()).isFalse();
        assertThat(drain(ch)).as("not a word back").isEmpty();
    }

    @Test
    void aTorrentsOwnPolicyOverridesTheDefault() {
        EmbeddedChannel strict = listener(new ServedTorrents().serve(TORRENT, EncryptionPolicy.REQUIRE),
                EncryptionPolicy.PREFER);
        feed(strict, handshake(TORRENT, A_ID));
        assertThat(callback.failures).containsExactly(HandshakeFailure.ENCRYPTION_REFUSED);
        strict.finishAndReleaseAll();

        EmbeddedChannel lenient = listener(new ServedTorrents().serve(TORRENT, EncryptionPolicy.PREFER),
                EncryptionPolicy.REQUIRE);
        feed(lenient, handshake(TORRENT, A_ID));
        assertThat(callback.established).hasSize(1);
    }

    @Test
    void aPublicKeyThatStartsWith19IsStillAnEncryptedHandshake() {
        byte[] x = privateKeyWhosePublicKeyStartsWith((byte) 19);
        byte[] xb = MseEnds.bytes(20, 0x71);
        EmbeddedChannel ch = MseEnds.responder(new ServedTorrents().serve(TORRENT), EncryptionPolicy.PREFER,
                ScriptedRandom.handshake(xb, new byte[0]), callback);
        channel = ch;
        ReferencePeer a = new ReferencePeer(x, new byte[0], TORRENT.wireId(), CryptoMethods.RC4);
        a.payload = handshake(TORRENT, A_ID);
        assertThat(a.publicKey()[0]).isEqualTo((byte) 19);
        feedByteByByte(ch, Reference.concat(a.hello(), a.request(Reference.publicKey(xb))));
        assertThat(callback.established).hasSize(1);
        assertThat(callback.established.get(0).encryption()).isEqualTo(Encryption.RC4);
    }

    private static byte[] privateKeyWhosePublicKeyStartsWith(byte first) {
        for (long n = 1; ; n++) {
            byte[] x = DhKey.toBytes(BigInteger.valueOf(n));
            byte[] key = Arrays.copyOfRange(x, DhKey.LENGTH - 20, DhKey.LENGTH);
            if (Reference.publicKey(key)[0] == first) {
                return key;
            }
        }
    }
}
