package dev.spate.handshake.mse;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second computation of the MSE handshake, written from the specification with the JDK's own
 * DH arithmetic ({@link BigInteger}), SHA-1 ({@link MessageDigest}) and RC4 ({@code ARCFOUR}), and
 * sharing no code with the production classes: the tests compare the bytes the handlers send
 * with what this says they must be.
 */
final class Reference {
    /** The 768-bit prime of the specification, typed in again here. */
    static final BigInteger P = new BigInteger("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
            + "29024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
            + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A63A36210000000000090563", 16);

    private Reference() {
    }

    static byte[] publicKey(byte[] privateKey) {
        return fixed96(BigInteger.TWO.modPow(new BigInteger(1, privateKey), P));
    }

    static byte[] secret(byte[] privateKey, byte[] peerPublicKey) {
        return fixed96(new BigInteger(1, peerPublicKey).modPow(new BigInteger(1, privateKey), P));
    }

    /** 96 bytes, big-endian, by way of a zero-padded hex string. */
    static byte[] fixed96(BigInteger n) {
        return HexFormat.of().parseHex(String.format("%0192x", n));
    }

    static byte[] sha1(String label, byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(label.getBytes(StandardCharsets.US_ASCII));
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The JDK's RC4 keyed with HASH(label, S, SKEY), 1024 bytes of keystream already spent. */
    static Cipher rc4(String label, byte[] secret, byte[] infoHash) {
        try {
            Cipher c = Cipher.getInstance("ARCFOUR");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sha1(label, secret, infoHash), "ARCFOUR"));
            c.update(new byte[1024]);
            return c;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] update(Cipher c, byte[] bytes) {
        byte[] out = c.update(bytes);
        return out == null ? new byte[0] : out;
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** VC (8 zeros), a 32-bit crypto field, and a 16-bit length. */
    static byte[] header(int crypto, int length) {
        return concat(new byte[8], new byte[] {(byte) (crypto >>> 24), (byte) (crypto >>> 16), (byte) (crypto >>> 8),
                (byte) crypto}, new byte[] {(byte) (length >>> 8), (byte) length});
    }
}
