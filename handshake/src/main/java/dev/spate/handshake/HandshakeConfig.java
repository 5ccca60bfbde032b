package dev.spate.handshake;

import java.time.Duration;
import java.util.Objects;

/**
 * What we say in our handshakes, and how long we wait for the peer's.
 *
 * @param peerId our peer id
 * @param capabilities the reserved bits we set
 * @param timeout from the connection becoming active to a complete handshake (the encrypted
 *     handshake, if any, included)
 * @param encryption the policy of dials that name none and of torrents that have none
 */
public record HandshakeConfig(PeerId peerId, Capabilities capabilities, Duration timeout,
                              EncryptionPolicy encryption) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HandshakeConfig {
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(encryption, "encryption");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive: " + timeout);
        }
    }

    /** Our id and capabilities with the default 10 s timeout and encryption preferred. */
    public static HandshakeConfig of(PeerId peerId, Capabilities capabilities) {
        return new HandshakeConfig(peerId, capabilities, DEFAULT_TIMEOUT, EncryptionPolicy.PREFER);
    }

    public HandshakeConfig withTimeout(Duration timeout) {
        return new HandshakeConfig(peerId, capabilities, timeout, encryption);
    }

    public HandshakeConfig withEncryption(EncryptionPolicy policy) {
        return new HandshakeConfig(peerId, capabilities, timeout, policy);
    }
}
