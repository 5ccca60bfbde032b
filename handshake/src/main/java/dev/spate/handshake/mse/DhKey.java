package dev.spate.handshake.mse;

import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * One side's Diffie-Hellman key for an MSE handshake: the 768-bit prime of the specification,
 * generator 2, a 160-bit private key (the length the spec recommends). Used for one connection,
 * then dropped.
 */
final class DhKey {
    /** Public keys and the shared secret travel as 96 bytes, big-endian, zero-padded on the left. */
    static final int LENGTH = 96;
    static final BigInteger P = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF"
            + "9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A63A36210000000000090563", 16);
    static final BigInteger G = BigInteger.TWO;
    private static final int PRIVATE_BYTES = 20;

    private final BigInteger privateKey;
    private final byte[] publicKey;

    DhKey(BigInteger privateKey) {
        if (privateKey.signum() <= 0) {
            throw new IllegalArgumentException("a private key must be positive");
        }
        this.privateKey = privateKey;
        this.publicKey = toBytes(G.modPow(privateKey, P));
    }

    static DhKey generate(RandomGenerator random) {
        byte[] bits = new byte[PRIVATE_BYTES];
        BigInteger x;
        do {
            random.nextBytes(bits);
            x = new BigInteger(1, bits);
        } while (x.signum() == 0);
        return new DhKey(x);
    }

    /** Our public key, 96 bytes (a fresh array). */
    byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The shared secret S from the peer's 96-byte public key.
     *
     * @return null if the key is not in (1, P-1): a peer that sends 0, 1 or P-1 forces a known
     *     secret
     */
    byte[] secret(byte[] peerPublicKey) {
        BigInteger y = new BigInteger(1, peerPublicKey);
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(P.subtract(BigInteger.ONE)) >= 0) {
            return null;
        }
        return toBytes(y.modPow(privateKey, P));
    }

    static byte[] toBytes(BigInteger n) {
        byte[] raw = n.toByteArray(); // big-endian, maybe with a leading sign byte, maybe shorter
        byte[] out = new byte[LENGTH];
        int copy = Math.min(raw.length, LENGTH);
        System.arraycopy(raw, raw.length - copy, out, LENGTH - copy, copy);
        return out;
    }
}
