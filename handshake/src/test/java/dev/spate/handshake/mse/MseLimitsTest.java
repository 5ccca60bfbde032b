package dev.spate.handshake.mse;

import static dev.spate.handshake.mse.MseEnds.A_ID;
import static dev.spate.handshake.mse.MseEnds.B_ID;
import static dev.spate.handshake.mse.MseEnds.OTHER;
import static dev.spate.handshake.mse.MseEnds.TORRENT;
import static dev.spate.handshake.mse.MseEnds.bytes;
import static dev.spate.handshake.mse.MseEnds.drain;
import static dev.spate.handshake.mse.MseEnds.feed;
import static dev.spate.handshake.mse.MseEnds.handshake;
import static dev.spate.handshake.mse.Reference.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.handshake.EncryptionPolicy;
import dev.spate.handshake.HandshakeFailure;
import dev.spate.handshake.RecordingCallback;
import dev.spate.handshake.ServedTorrents;
import io.netty.channel.embedded.EmbeddedChannel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What each end refuses, and how soon: padding and synchronisation searches bounded as the
 * specification says, garbage, keys out of range, fields that do not decrypt, methods not offered.
 * The other end is {@link ReferencePeer}, so the bytes can be bent in ways spate never sends.
 */
class MseLimitsTest {
    static final byte[] XA = bytes(20, 0x31);
    static final byte[] XB = bytes(20, 0x71);

    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final RecordingCallback callback = new RecordingCallback();

    @AfterEach
    void close() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    /** A responder serving TORRENT (prefer) whose key is XB and PadB empty. */
    private EmbeddedChannel b(ServedTorrents torrents) {
        EmbeddedChannel ch = MseEnds.responder(torrents, EncryptionPolicy.PREFER,
                ScriptedRandom.handshake(XB, new byte[0]), callback);
        channels.add(ch);
        return ch;
    }

    private EmbeddedChannel b() {
        return b(new ServedTorrents().serve(TORRENT));
    }

    /** An initiator whose key is XA and PadA empty; its opening bytes already read. */
    private EmbeddedChannel a(EncryptionPolicy policy) {
        EmbeddedChannel ch = MseEnds.initiator(policy, ScriptedRandom.handshake(XA, new byte[0]), callback);
        channels.add(ch);
        drain(ch);
        return ch;
    }

    private static ReferencePeer referenceA(byte[] padA) {
        ReferencePeer a = new ReferencePeer(XA, padA, TORRENT.wireId(), CryptoMethods.PLAINTEXT | CryptoMethods.RC4);
        a.payload = handshake(TORRENT, A_ID);
        return a;
    }

    private static ReferencePeer referenceB(byte[] padB) {
        ReferencePeer b = new ReferencePeer(XB, padB, TORRENT.wireId(), CryptoMethods.RC4);
        b.payload = handshake(TORRENT, B_ID);
        return b;
    }

    private static byte[] fromA(ReferencePeer a) {
        return concat(a.hello(), a.request(Reference.publicKey(XB)));
    }

    private static byte[] fromB(ReferencePeer b) {
        return concat(b.hello(), b.answer(Reference.publicKey(XA)));
    }

    private void assertFailed(EmbeddedChannel ch, HandshakeFailure reason) {
        assertThat(callback.failures).containsExactly(reason);
        assertThat(callback.established).isEmpty();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void padAOf512BytesIsFoundButNot513() {
        EmbeddedChannel ok = b();
        feed(ok, fromA(referenceA(new byte[512])));
        assertThat(callback.established).hasSize(1);
        callback.established.clear();

        EmbeddedChannel tooLong = b();
        feed(tooLong, fromA(referenceA(new byte[513])));
        assertFailed(tooLong, HandshakeFailure.ENCRYPTION_FAILED);
    }

    @Test
    void padBOf512BytesIsFoundButNot513() {
        EmbeddedChannel ok = a(EncryptionPolicy.PREFER);
        feed(ok, fromB(referenceB(new byte[512])));
        assertThat(callback.established).hasSize(1);
        callback.established.clear();

        EmbeddedChannel tooLong = a(EncryptionPolicy.PREFER);
        feed(tooLong, fromB(referenceB(new byte[513])));
        assertFailed(tooLong, HandshakeFailure.ENCRYPTION_FAILED);
    }

    @Test
    void theResponderDropsGarbageAtTheEndOfTheSynchronisationWindow() {
        EmbeddedChannel b = b();
        byte[] garbage = new byte[700];
        new Random(7).nextBytes(garbage);
        feed(b, Reference.publicKey(XA));
        int window = MseHandler.MAX_PADDING + 20;
        for (int i = 0; i < window - 1; i++) {
            feed(b, garbage, i, i + 1);
        }
        assertThat(b.isOpen()).as("HASH('req1', S) may still start at byte 512 of padding").isTrue();
        feed(b, garbage, window - 1, window);
        assertFailed(b, HandshakeFailure.ENCRYPTION_FAILED);
        // It said its key and padding, nothing more.
        assertThat(drain(b)).isEqualTo(Reference.publicKey(XB));
    }

    @Test
    void theInitiatorDropsGarbageAtTheEndOfItsSearch() {
        EmbeddedChannel a = a(EncryptionPolicy.PREFER);
        byte[] garbage = new byte[700];
        new Random(8).nextBytes(garbage);
        feed(a, Reference.publicKey(XB));
        int window = MseHandler.MAX_PADDING + MseHandler.VC_LENGTH;
        for (int i = 0; i < window - 1; i++) {
            feed(a, garbage, i, i + 1);
        }
        assertThat(a.isOpen()).isTrue();
        feed(a, garbage, window - 1, window);
        assertFailed(a, HandshakeFailure.ENCRYPTION_FAILED);
    }

    @Test
    void aTrickleOfGarbageEndsAtTheHandshakeTimeout() {
        EmbeddedChannel b = b();
        feed(b, bytes(50, 0x55));
        b.advanceTimeBy(9_999, TimeUnit.MILLISECONDS);
        b.runScheduledPendingTasks();
        assertThat(b.isOpen()).isTrue();
        b.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        b.runScheduledPendingTasks();
        assertFailed(b, HandshakeFailure.TIMEOUT);
    }

    @Test
    void aConnectionThatClosesMidHandshakeIsAnEncryptionFailure() {
        EmbeddedChannel b = b();
        feed(b, bytes(95, 0x55));
        b.close();
        assertFailed(b, HandshakeFailure.ENCRYPTION_FAILED);
        assertThat(callback.calls()).isOne();
    }

    @Test
    void publicKeysThatForceAKnownSecretAreRefused() {
        BigInteger pMinusOne = Reference.P.subtract(BigInteger.ONE);
        for (BigInteger y : List.of(BigInteger.ZERO, BigInteger.ONE, pMinusOne, Reference.P)) {
            RecordingCallback cb = new RecordingCallback();
            EmbeddedChannel b = MseEnds.responder(new ServedTorrents().serve(TORRENT), EncryptionPolicy.PREFER,
                    ScriptedRandom.handshake(XB, new byte[0]), cb);
            channels.add(b);
            feed(b, Reference.fixed96(y));
            assertThat(cb.failures).as("Ya = %s", y).containsExactly(HandshakeFailure.ENCRYPTION_FAILED);
            assertThat(drain(b)).as("nothing said to Ya = %s", y).isEmpty();
        }
    }

    @Test
    void anUnknownTorrentIsDroppedAfterTheSynchronisation() {
        ReferencePeer a = referenceA(bytes(10, 1));
        a.namedInfoHash = OTHER.wireId();
        EmbeddedChannel b = b();
        feed(b, fromA(a));
        assertFailed(b, HandshakeFailure.UNKNOWN_INFO_HASH);
        assertThat(drain(b)).isEqualTo(Reference.publicKey(XB));
    }

    @Test
    void aVerificationConstantUnderAnotherKeyIsRefused() {
        ReferencePeer a = new ReferencePeer(XA, new byte[0], OTHER.wireId(), CryptoMethods.RC4);
        a.namedInfoHash = TORRENT.wireId(); // names a torrent we serve, encrypts with another
        EmbeddedChannel b = b();
        feed(b, fromA(a));
        assertFailed(b, HandshakeFailure.ENCRYPTION_FAILED);
    }

    @Test
    void padCIsBoundedTo512Bytes() {
        ReferencePeer ok = referenceA(new byte[0]);
        ok.innerPadding = new byte[512];
        feed(b(), fromA(ok));
        assertThat(callback.established).hasSize(1);
        callback.established.clear();

        ReferencePeer tooLong = referenceA(new byte[0]);
        tooLong.innerPadding = new byte[513];
        EmbeddedChannel b = b();
        feed(b, fromA(tooLong));
        assertFailed(b, HandshakeFailure.ENCRYPTION_FAILED);
    }

    @Test
    void padDIsBoundedTo512Bytes() {
        ReferencePeer ok = referenceB(new byte[0]);
        ok.innerPadding = new byte[512];
        feed(a(EncryptionPolicy.PREFER), fromB(ok));
        assertThat(callback.established).hasSize(1);
        callback.established.clear();

        ReferencePeer tooLong = referenceB(new byte[0]);
        tooLong.innerPadding = new byte[513];
        EmbeddedChannel a = a(EncryptionPolicy.PREFER);
        feed(a, fromB(tooLong));
        assertFailed(a, HandshakeFailure.ENCRYPTION_FAILED);
    }

    @Test
    void aMethodWeDidNotOfferIsRefused() {
        for (int select : new int[] {CryptoMethods.PLAINTEXT, CryptoMethods.PLAINTEXT | CryptoMethods.RC4, 0}) {
            RecordingCallback cb = new RecordingCallback();
            EmbeddedChannel a = MseEnds.initiator(EncryptionPolicy.REQUIRE, ScriptedRandom.handshake(XA, new byte[0]),
                    cb);
            channels.add(a);
            drain(a);
            ReferencePeer b = referenceB(new byte[0]);
            b.crypto = select;
            feed(a, fromB(b));
            assertThat(cb.failures).as("select %d", select).containsExactly(HandshakeFailure.ENCRYPTION_FAILED);
        }
    }

    @Test
    void aTorrentWhosePolicyAcceptsNothingOfferedRefusesTheMethods() {
        ReferencePeer a = new ReferencePeer(XA, new byte[0], TORRENT.wireId(), CryptoMethods.RC4);
        a.payload = handshake(TORRENT, A_ID);
        EmbeddedChannel b = b(new ServedTorrents().serve(TORRENT, EncryptionPolicy.DISABLE));
        feed(b, fromA(a));
        assertFailed(b, HandshakeFailure.ENCRYPTION_REFUSED);
        assertThat(drain(b)).as("no step 4").isEqualTo(Reference.publicKey(XB));
    }

    @Test
    void theInitialPayloadMustAskForTheTorrentTheEncryptedHandshakeNamed() {
        EmbeddedChannel a = MseEnds.initiator(TORRENT, OTHER, EncryptionPolicy.PREFER,
                ScriptedRandom.handshake(XA, new byte[0]), new RecordingCallback());
        channels.add(a);
        EmbeddedChannel b = b(new ServedTorrents().serve(TORRENT).serve(OTHER));
        MseEnds.converse(a, b);
        assertFailed(b, HandshakeFailure.INFO_HASH_MISMATCH);
    }
}
