package dev.spate.handshake;

/** What protects a connection's stream after its handshake. */
public enum Encryption {
    /** A plain BitTorrent handshake: no MSE at all. */
    NONE,
    /** An MSE handshake that selected plaintext: the BitTorrent stream after it is unencrypted. */
    MSE_PLAINTEXT,
    /** An MSE handshake that selected RC4: every byte either way goes through the cipher. */
    RC4;

    /**
     * True if the bytes we send are transformed, so they cannot be sent straight from a file
     * (zero-copy {@code FileRegion}s are for the other kinds).
     */
    public boolean transformsPayload() {
        return this == RC4;
    }
}
