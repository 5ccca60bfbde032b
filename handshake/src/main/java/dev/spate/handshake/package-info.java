/**
 * spate's {@code handshake} layer: the 68-byte handshake, peer ids and reserved-bit capabilities,
 * and the sockets that carry them ({@link dev.spate.handshake.Transport},
 * {@link dev.spate.handshake.PeerListener}, {@link dev.spate.handshake.PeerDialer}). It knows
 * nothing of the wire protocol: {@link dev.spate.handshake.HandshakeCallback} hands the channel on.
 *
 * <p>Contract a reviewer should protect:
 * <ul>
 *   <li>every accepted connection and every started dial ends in exactly one callback, on the
 *       channel's event loop;</li>
 *   <li>an incoming connection for a torrent we do not serve hears nothing from us;</li>
 *   <li>nothing waits without a bound: connect and handshake timeouts, a half-open limit that
 *       refuses at once;</li>
 *   <li>bytes that arrive after the handshake are never lost: they go to the handlers the
 *       callback installed.</li>
 * </ul>
 */
package dev.spate.handshake;
