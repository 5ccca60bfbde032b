package dev.spate.handshake;

import java.util.Locale;

/**
 * Whether connections use Message Stream Encryption (MSE/PE, the Vuze and libtorrent protocol
 * encryption), for a client or a torrent.
 */
public enum EncryptionPolicy {
    /**
     * Dial with the encrypted handshake, offering RC4 and plaintext; if that handshake fails, dial
     * again with a plain one. Accept both kinds. The handshake is obfuscated either way; the stream
     * after it is RC4 only when the dialer offers nothing else (plaintext costs nothing, as
     * libtorrent also chooses by default).
     */
    PREFER,
    /** Dial and accept encrypted handshakes only, and only with RC4 for the whole stream. */
    REQUIRE,
    /**
     * Dial with plain handshakes. An incoming encrypted handshake is still answered, but only
     * with plaintext after it (a peer that offers RC4 alone is refused).
     */
    DISABLE;

    /** Whether a plain BitTorrent handshake (no MSE at all) is acceptable. */
    public boolean allowsPlainHandshake() {
        return this != REQUIRE;
    }

    /** The value of the extension handshake's {@code e} field: we would rather encrypt. */
    public boolean prefersEncryption() {
        return this != DISABLE;
    }

    /** Parses {@code prefer}, {@code require} or {@code disable} (any case). */
    public static EncryptionPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption is prefer, require or disable, not '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
