/**
 * spate's {@code protocol} layer. So far the codec: {@link dev.spate.protocol.WireMessage} and
 * its decoder and encoder (BEP 3, BEP 6, the BEP 10 envelope), the extension handshake and the
 * ut_metadata and ut_pex messages. The per-peer state machine and {@code PeerLink} build on it.
 *
 * <p>Contract a reviewer should protect:
 * <ul>
 *   <li>every length a peer declares is checked before anything is allocated or waited for;
 *       memory per peer is bounded by {@link dev.spate.protocol.WireLimits}, not by the peer;</li>
 *   <li>malformed input from a peer is a {@link dev.spate.protocol.ProtocolViolation} with a
 *       reason that names the message and the numbers, never another exception;</li>
 *   <li>one owner per buffer: a decoded {@link dev.spate.protocol.WireMessage.Piece} belongs to
 *       whoever received it until released or handed on; the encoder's output belongs to the
 *       channel;</li>
 *   <li>decoder and encoder run on their channel's event loop.</li>
 * </ul>
 */
package dev.spate.protocol;
