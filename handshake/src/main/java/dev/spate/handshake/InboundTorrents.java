package dev.spate.handshake;

import java.util.Optional;

/** Which torrents an incoming connection may ask for. Called on event loops: thread-safe, non-blocking. */
@FunctionalInterface
public interface InboundTorrents {

    /** True if we serve the torrent whose wire id (20 bytes, a fresh array) is {@code infoHash}. */
    boolean serves(byte[] infoHash);

    /**
     * For an encrypted (MSE) handshake, which names the torrent only by HASH('req2', info hash):
     * the wire id of the torrent we serve with that hash, or null. Without it no encrypted
     * connection is accepted; {@link dev.spate.handshake.mse.ObfuscatedInfoHashes} keeps the index.
     */
    default byte[] byObfuscatedHash(byte[] req2Hash) {
        return null;
    }

    /** The encryption policy of a torrent we serve, if it has its own; else the client's applies. */
    default Optional<EncryptionPolicy> encryption(byte[] infoHash) {
        return Optional.empty();
    }
}
