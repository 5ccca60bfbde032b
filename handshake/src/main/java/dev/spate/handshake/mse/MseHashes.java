package dev.spate.handshake.mse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-1 values of the MSE handshake: HASH('req1', S) and its kin. */
final class MseHashes {
    static final int LENGTH = 20;

    private MseHashes() {
    }

    /** HASH('req1', S): A's synchronisation marker, which B searches for after PadA. */
    static byte[] req1(byte[] secret) {
        return sha1("req1", secret, null);
    }

    /** HASH('req2', SKEY), SKEY being the torrent's info hash. */
    static byte[] req2(byte[] infoHash) {
        return sha1("req2", infoHash, null);
    }

    /** HASH('req3', S). */
    static byte[] req3(byte[] secret) {
        return sha1("req3", secret, null);
    }

    /** HASH('keyA', S, SKEY): the RC4 key of what A sends. */
    static byte[] keyA(byte[] secret, byte[] infoHash) {
        return sha1("keyA", secret, infoHash);
    }

    /** HASH('keyB', S, SKEY): the RC4 key of what B sends. */
    static byte[] keyB(byte[] secret, byte[] infoHash) {
        return sha1("keyB", secret, infoHash);
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static byte[] sha1(String label, byte[] first, byte[] second) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        sha1.update(label.getBytes(StandardCharsets.US_ASCII));
        sha1.update(first);
        if (second != null) {
            sha1.update(second);
        }
        return sha1.digest();
    }
}
