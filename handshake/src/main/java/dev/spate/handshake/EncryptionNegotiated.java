package dev.spate.handshake;

import java.util.Arrays;

/**
 * The user event the MSE handler fires down the pipeline when it has agreed on a method, before
 * any byte of the BitTorrent handshake that follows it: {@link HandshakeHandler} records it in
 * its {@link HandshakeResult}, and on an incoming connection checks that the peer's handshake
 * asks for the torrent the encrypted handshake named.
 *
 * @param encryption {@link Encryption#MSE_PLAINTEXT} or {@link Encryption#RC4}
 * @param infoHash on an incoming connection, the torrent found from the obfuscated info hash
 *     (its wire id); null on a connection we dialed
 */
public record EncryptionNegotiated(Encryption encryption, byte[] infoHash) {
    public EncryptionNegotiated {
        if (encryption == Encryption.NONE) {
            throw new IllegalArgumentException("an MSE handshake selects plaintext or RC4");
        }
        infoHash = infoHash == null ? null : infoHash.clone();
    }

    @Override
    public byte[] infoHash() {
        return infoHash == null ? null : infoHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptionNegotiated e && e.encryption == encryption && Arrays.equals(e.infoHash, infoHash);
    }

    @Override
    public int hashCode() {
        return 31 * encryption.hashCode() + Arrays.hashCode(infoHash);
    }
}
