/**
 * spate's {@code handshake} layer: the 68-byte handshake, peer ids and reserved-bit capabilities,
 * and the sockets that carry them ({@link dev.spate.handshake.Transport},
 * {@link dev.spate.handshake.PeerListener}, {@link dev.spate.handshake.PeerDialer}). It knows
 * nothing of the wire protocol: {@link dev.spate.handshake.HandshakeCallback} hands the channel on.
 * Protocol encryption (MSE/PE) lives in {@code dev.spate.handshake.mse}: a handler before the
 * handshake handler that carries it encrypted, then leaves the pipeline (plaintext) or stays as
 * the RC4 stream cipher; {@link dev.spate.handshake.EncryptionPolicy} says when.
 *
 * <p>Contract a reviewer should protect:
 * <ul>
 *   <li>every accepted connection and every started dial ends in exactly one callback, on the
 *       channel's event loop;</li>
 *   <li>an incoming connection for a torrent we do not serve hears nothing from us;</li>
 *   <li>nothing waits without a bound: connect and handshake timeouts, a half-open limit that
 *       refuses at once;</li>
 *   <li>bytes that arrive after the handshake are never lost: they go to the handlers the
 *       callback installed;</li>
 *   <li>the encrypted handshake reads a bounded number of bytes at each step (keys, at most 512
 *       bytes of padding before each synchronisation marker, at most 512 of PadC/PadD) and the
 *       handshake timeout covers it; a torrent that requires encryption never talks plaintext;</li>
 *   <li>what a connection under RC4 writes must be bytes: a {@code FileRegion} fails its write
 *       (the client reads blocks into memory for such peers).</li>
 * </ul>
 */
package dev.spate.handshake;
