package dev.spate.handshake.mse;

import dev.spate.handshake.EncryptionPolicy;

/** The crypto_provide / crypto_select bits of MSE, and what each policy offers and picks. */
final class CryptoMethods {
    static final int PLAINTEXT = 0x01;
    static final int RC4 = 0x02;
    /** The bits this version of the spec defines; others are ignored, as the spec asks. */
    static final int KNOWN = PLAINTEXT | RC4;

    private CryptoMethods() {
    }

    /** What we offer when we dial (0: we do not dial with MSE at all). */
    static int provided(EncryptionPolicy policy) {
        return switch (policy) {
            case PREFER -> PLAINTEXT | RC4;
            case REQUIRE -> RC4;
            case DISABLE -> 0;
        };
    }

    /** The one method we pick from a peer's crypto_provide, or 0 if none is acceptable. */
    static int select(EncryptionPolicy policy, int provided) {
        boolean rc4 = (provided & RC4) != 0;
        boolean plaintext = (provided & PLAINTEXT) != 0;
        return switch (policy) {
            // The handshake is obfuscated either way; like libtorrent, spare the cipher's cost when the
            // dialer accepts plaintext too (RC4 halves throughput on a fast link).
            case PREFER -> plaintext ? PLAINTEXT : rc4 ? RC4 : 0;
            case REQUIRE -> rc4 ? RC4 : 0;
            case DISABLE -> plaintext ? PLAINTEXT : 0;
        };
    }

    static String describe(int bits) {
        return String.format("0x%08x", bits);
    }
}
