package dev.spate.handshake;

import java.time.Duration;
import java.util.Objects;

/**
 * What we say in our handshakes, and how long we wait for the peer's.
 *
 * @param peerId our peer id
 * @param capabilities the reserved bits we set
 * @param timeout from the connection becoming active to a complete handshake
 */
public record HandshakeConfig(PeerId peerId, Capabilities capabilities, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HandshakeConfig {
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(capabilities, "capabilities");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive: " + timeout);
        }
    }

    /** Our id and capabilities with the default 10 s timeout. */
    public static HandshakeConfig of(PeerId peerId, Capabilities capabilities) {
        return new HandshakeConfig(peerId, capabilities, DEFAULT_TIMEOUT);
    }

    public HandshakeConfig withTimeout(Duration timeout) {
        return new HandshakeConfig(peerId, capabilities, timeout);
    }
}
