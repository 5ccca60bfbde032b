/**
 * Message Stream Encryption (MSE/PE, the Vuze and libtorrent protocol encryption) for BitTorrent
 * connections: a Diffie-Hellman exchange on the spec's 768-bit prime, the torrent named by
 * HASH('req2', info hash), crypto_provide / crypto_select (plaintext 0x01, RC4 0x02) and RC4 with
 * 1024 bytes of keystream discarded, the initial payload carrying the BitTorrent handshake.
 *
 * <ul>
 *   <li>{@link dev.spate.handshake.mse.MseInitiator}: a dialed connection (peer A);</li>
 *   <li>{@link dev.spate.handshake.mse.EncryptionDetector}: an accepted one, told apart from a
 *       plain handshake by its first bytes, answered by an
 *       {@link dev.spate.handshake.mse.MseResponder} (peer B);</li>
 *   <li>{@code Rc4Codec}: what stays of either when RC4 is selected, for the life of the
 *       connection.</li>
 * </ul>
 * All of it runs on the channel's event loop; the DH key and secret live only for the handshake.
 */
package dev.spate.handshake.mse;
