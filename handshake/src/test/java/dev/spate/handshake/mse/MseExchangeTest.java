package dev.spate.handshake.mse;

import static dev.spate.handshake.mse.MseEnds.A_ID;
import static dev.spate.handshake.mse.MseEnds.B_ID;
import static dev.spate.handshake.mse.MseEnds.TORRENT;
import static dev.spate.handshake.mse.MseEnds.bytes;
import static dev.spate.handshake.mse.MseEnds.converse;
import static dev.spate.handshake.mse.MseEnds.drain;
import static dev.spate.handshake.mse.MseEnds.feed;
import static dev.spate.handshake.mse.MseEnds.feedByteByByte;
import static dev.spate.handshake.mse.MseEnds.handshake;
import static dev.spate.handshake.mse.Reference.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.handshake.Encryption;
import dev.spate.handshake.EncryptionPolicy;
import dev.spate.handshake.HandshakeDirection;
import dev.spate.handshake.HandshakeResult;
import dev.spate.handshake.PeerListener;
import dev.spate.handshake.RecordingCallback;
import dev.spate.handshake.ServedTorrents;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Both ends of the MSE handshake in memory, with scripted keys and padding, checked byte for byte
 * against {@link Reference} (the JDK's BigInteger, SHA-1 and ARCFOUR).
 */
class MseExchangeTest {
    static final byte[] XA = bytes(20, 0x31);
    static final byte[] XB = bytes(20, 0x71);
    static final byte[] PAD_A = bytes(37, 0xa0);
    static final byte[] PAD_B = bytes(11, 0xc0);

    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final RecordingCallback atA = new RecordingCallback();
    private final RecordingCallback atB = new RecordingCallback();

    @AfterEach
    void close() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    private EmbeddedChannel a(EncryptionPolicy policy, RecordingCallback callback) {
        EmbeddedChannel ch = MseEnds.initiator(policy, ScriptedRandom.handshake(XA, PAD_A), callback);
        channels.add(ch);
        return ch;
    }

    private EmbeddedChannel b(ServedTorrents torrents, RecordingCallback callback) {
        EmbeddedChannel ch = MseEnds.responder(torrents, EncryptionPolicy.PREFER, ScriptedRandom.handshake(XB, PAD_B),
                callback);
        channels.add(ch);
        return ch;
    }

    private static ReferencePeer referenceA(int provide) {
        ReferencePeer a = new ReferencePeer(XA, PAD_A, TORRENT.wireId(), provide);
        a.payload = handshake(TORRENT, A_ID);
        return a;
    }

    private static ReferencePeer referenceB(int select) {
        ReferencePeer b = new ReferencePeer(XB, PAD_B, TORRENT.wireId(), select);
        b.payload = handshake(TORRENT, B_ID);
        return b;
    }

    private static byte[] streamOfA(ReferencePeer a, ReferencePeer b) {
        return concat(a.hello(), a.request(b.publicKey()));
    }

    private static byte[] streamOfB(ReferencePeer a, ReferencePeer b) {
        return concat(b.hello(), b.answer(a.publicKey()));
    }

    @Test
    void theInitiatorOpensWithItsPublicKeyAndPadding() {
        EmbeddedChannel a = a(EncryptionPolicy.PREFER, atA);
        assertThat(drain(a)).isEqualTo(concat(Reference.publicKey(XA), PAD_A));
        assertThat(atA.calls()).isZero();
    }

    @Test
    void anRc4ExchangeSendsExactlyTheReferenceBytes() {
        ReferencePeer refA = referenceA(CryptoMethods.PLAINTEXT | CryptoMethods.RC4);
        ReferencePeer refB = referenceB(CryptoMethods.RC4);
        EmbeddedChannel a = a(EncryptionPolicy.PREFER, atA);
        // A offers both; a responder that requires encryption picks RC4 (one that prefers picks plaintext).
        EmbeddedChannel b = b(new ServedTorrents().serve(TORRENT, EncryptionPolicy.REQUIRE), atB);

        byte[][] sent = converse(a, b);

        assertThat(sent[0]).isEqualTo(streamOfA(refA, refB));
        assertThat(sent[1]).isEqualTo(streamOfB(refA, refB));
        HandshakeResult dialed = atA.established.get(0);
        HandshakeResult accepted = atB.established.get(0);
        assertThat(dialed.encryption()).isEqualTo(Encryption.RC4);
        assertThat(dialed.direction()).isEqualTo(HandshakeDirection.OUTBOUND);
        assertThat(dialed.remote().peerId()).isEqualTo(B_ID);
        assertThat(accepted.encryption()).isEqualTo(Encryption.RC4);
        assertThat(accepted.remote().peerId()).isEqualTo(A_ID);
        for (EmbeddedChannel ch : List.of(a, b)) {
            assertThat(ch.pipeline().names()).contains(MseHandler.CIPHER).doesNotContain(PeerListener.ENCRYPTION,
                    PeerListener.HANDSHAKE);
        }

        // The stream goes on under the same keys, both ways.
        byte[] ping = new byte[40_000];
        new Random(1).nextBytes(ping);
        a.writeOutbound(Unpooled.wrappedBuffer(ping, 0, 30_000), Unpooled.wrappedBuffer(ping, 30_000, 10_000));
        byte[] wire = drain(a);
        assertThat(wire).isEqualTo(refA.encrypt(ping));
        feed(b, wire, 0, 12_345);
        feed(b, wire, 12_345, wire.length);
        assertThat(atB.bytesAfterHandshake()).isEqualTo(ping);

        byte[] pong = "pong".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        b.writeOutbound(Unpooled.wrappedBuffer(pong));
        wire = drain(b);
        assertThat(wire).isEqualTo(refB.encrypt(pong));
        feed(a, wire);
        assertThat(atA.bytesAfterHandshake()).isEqualTo(pong);
    }

    @Test
    void plaintextSelectedEncryptsOnlyTheHandshakes() {
        ReferencePeer refA = referenceA(CryptoMethods.PLAINTEXT | CryptoMethods.RC4);
        ReferencePeer refB = referenceB(CryptoMethods.PLAINTEXT);
        EmbeddedChannel a = a(EncryptionPolicy.PREFER, atA);
        EmbeddedChannel b = b(new ServedTorrents().serve(TORRENT, EncryptionPolicy.DISABLE), atB);

        byte[][] sent = converse(a, b);

        assertThat(sent[0]).isEqualTo(streamOfA(refA, refB));
        // B's handshake follows step 4 in the clear.
        assertThat(sent[1]).isEqualTo(streamOfB(refA, refB));
        assertThat(atA.established.get(0).encryption()).isEqualTo(Encryption.MSE_PLAINTEXT);
        assertThat(atB.established.get(0).encryption()).isEqualTo(Encryption.MSE_PLAINTEXT);
        assertThat(a.pipeline().names()).doesNotContain(MseHandler.CIPHER, PeerListener.ENCRYPTION);
        assertThat(b.pipeline().names()).doesNotContain(MseHandler.CIPHER, PeerListener.ENCRYPTION);

        byte[] ping = "ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        a.writeOutbound(Unpooled.wrappedBuffer(ping));
        byte[] wire = drain(a);
        assertThat(wire).isEqualTo(ping);
        feed(b, wire);
        assertThat(atB.bytesAfterHandshake()).isEqualTo(ping);
    }

    @Test
    void theResponderHandlesTheInitiatorsBytesSplitAtEveryBoundary() {
        for (int select : new int[] {CryptoMethods.RC4, CryptoMethods.PLAINTEXT}) {
            ReferencePeer refA = referenceA(CryptoMethods.PLAINTEXT | CryptoMethods.RC4);
            ReferencePeer refB = referenceB(select);
            byte[] fromA = streamOfA(refA, refB);
            byte[] expected = streamOfB(refA, refB);
            // Offered both, REQUIRE picks RC4 and PREFER plaintext.
            EncryptionPolicy policy = select == CryptoMethods.RC4 ? EncryptionPolicy.REQUIRE : EncryptionPolicy.PREFER;
            for (int k = 0; k <= fromA.length; k++) {
                RecordingCallback callback = new RecordingCallback();
                EmbeddedChannel b = b(new ServedTorrents().serve(TORRENT, policy), callback);
                feed(b, fromA, 0, k);
                feed(b, fromA, k, fromA.length);
                assertThat(drain(b)).as("split at %d, select %d", k, select).isEqualTo(expected);
                assertThat(callback.established).as("split at %d", k).hasSize(1);
                b.finishAndReleaseAll();
                channels.remove(b);
            }
        }
    }

    @Test
    void theInitiatorHandlesTheRespondersBytesSplitAtEveryBoundary() {
        for (int select : new int[] {CryptoMethods.RC4, CryptoMethods.PLAINTEXT}) {
            ReferencePeer refA = referenceA(CryptoMethods.PLAINTEXT | CryptoMethods.RC4);
            ReferencePeer refB = referenceB(select);
            byte[] fromB = streamOfB(refA, refB);
            byte[] expected = streamOfA(refA, refB);
            for (int k = 0; k <= fromB.length; k++) {
                RecordingCallback callback = new RecordingCallback();
                EmbeddedChannel a = a(EncryptionPolicy.PREFER, callback);
                byte[] hello = drain(a);
                feed(a, fromB, 0, k);
                feed(a, fromB, k, fromB.length);
                assertThat(concat(hello, drain(a))).as("split at %d, select %d", k, select).isEqualTo(expected);
                assertThat(callback.established).as("split at %d", k).hasSize(1);
                assertThat(callback.established.get(0).encryption())
                        .isEqualTo(select == CryptoMethods.RC4 ? Encryption.RC4 : Encryption.MSE_PLAINTEXT);
                a.finishAndReleaseAll();
                channels.remove(a);
            }
        }
    }

    @Test
    void bothEndsCopeWithOneByteAtATime() {
        ReferencePeer refA = referenceA(CryptoMethods.PLAINTEXT | CryptoMethods.RC4);
        ReferencePeer refB = referenceB(CryptoMethods.RC4);
        EmbeddedChannel a = a(EncryptionPolicy.PREFER, atA);
        // A offers both; a responder that requires encryption picks RC4 (one that prefers picks plaintext).
        EmbeddedChannel b = b(new ServedTorrents().serve(TORRENT, EncryptionPolicy.REQUIRE), atB);
        byte[] fromA = streamOfA(refA, refB);
        byte[] fromB = streamOfB(refA, refB);
        feedByteByByte(b, fromA);
        feedByteByByte(a, fromB);
        assertThat(drain(b)).isEqualTo(fromB);
        assertThat(drain(a)).isEqualTo(fromA);
        assertThat(atA.established).hasSize(1);
        assertThat(atB.established).hasSize(1);
    }

    @Test
    void requireOffersRc4Only() {
        ReferencePeer refA = referenceA(CryptoMethods.RC4);
        ReferencePeer refB = referenceB(CryptoMethods.RC4);
        EmbeddedChannel a = a(EncryptionPolicy.REQUIRE, atA);
        EmbeddedChannel b = b(new ServedTorrents().serve(TORRENT), atB);
        byte[][] sent = converse(a, b);
        assertThat(sent[0]).isEqualTo(streamOfA(refA, refB));
        assertThat(atA.established.get(0).encryption()).isEqualTo(Encryption.RC4);
    }

    @Test
    void unknownBitsInCryptoProvideAreIgnored() {
        ReferencePeer refA = referenceA(0xfffffff0 | CryptoMethods.RC4);
        ReferencePeer refB = referenceB(CryptoMethods.RC4);
        EmbeddedChannel b = b(new ServedTorrents().serve(TORRENT), atB);
        feed(b, streamOfA(refA, refB));
        assertThat(drain(b)).isEqualTo(streamOfB(refA, refB));
        assertThat(atB.established).hasSize(1);
    }
}
