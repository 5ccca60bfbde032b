package dev.spate.handshake.mse;

import static dev.spate.handshake.mse.Reference.concat;
import static dev.spate.handshake.mse.Reference.header;
import static dev.spate.handshake.mse.Reference.sha1;
import static dev.spate.handshake.mse.Reference.update;

import javax.crypto.Cipher;

/**
 * One side of an MSE handshake as {@link Reference} computes it: the exact bytes it sends, given
 * its private key, its padding and the other side's public key. Fields are set by the test;
 * anything not set is the ordinary choice (no PadC/PadD, plaintext and RC4 offered, RC4 selected).
 */
final class ReferencePeer {
    final byte[] privateKey;
    final byte[] padding;
    final byte[] infoHash;
    /** The info hash that HASH('req2', ...) names, if not {@link #infoHash} (initiator only). */
    byte[] namedInfoHash;
    /** crypto_provide (initiator) or crypto_select (responder). */
    int crypto;
    byte[] innerPadding = new byte[0];
    /** The initial payload (initiator), or the payload after step 4 (responder). */
    byte[] payload = new byte[0];
    private Cipher sending;

    ReferencePeer(byte[] privateKey, byte[] padding, byte[] infoHash, int crypto) {
        this.privateKey = privateKey.clone();
        this.padding = padding.clone();
        this.infoHash = infoHash.clone();
        this.crypto = crypto;
    }

    byte[] publicKey() {
        return Reference.publicKey(privateKey);
    }

    /** Step 1 (initiator) or 2 (responder): the public key and the padding. */
    byte[] hello() {
        return concat(publicKey(), padding);
    }

    /** Step 3: the initiator's hashes, then VC, crypto_provide, PadC, len(IA), IA under keyA. */
    byte[] request(byte[] peerPublicKey) {
        byte[] s = Reference.secret(privateKey, peerPublicKey);
        sending = Reference.rc4("keyA", s, infoHash);
        byte[] named = namedInfoHash == null ? infoHash : namedInfoHash;
        byte[] clear = concat(sha1("req1", s), Reference.xor(sha1("req2", named), sha1("req3", s)));
        byte[] inner = concat(header(crypto, innerPadding.length), innerPadding,
                new byte[] {(byte) (payload.length >>> 8), (byte) payload.length}, payload);
        return concat(clear, update(sending, inner));
    }

    /** Step 4: VC, crypto_select, PadD under keyB, then the payload (RC4 or plaintext as selected). */
    byte[] answer(byte[] peerPublicKey) {
        byte[] s = Reference.secret(privateKey, peerPublicKey);
        sending = Reference.rc4("keyB", s, infoHash);
        byte[] step4 = update(sending, concat(header(crypto, innerPadding.length), innerPadding));
        return concat(step4, crypto == CryptoMethods.RC4 ? update(sending, payload) : payload);
    }

    /** What this side sends next on an RC4 stream (after {@link #request} or {@link #answer}). */
    byte[] encrypt(byte[] bytes) {
        return update(sending, bytes);
    }
}
