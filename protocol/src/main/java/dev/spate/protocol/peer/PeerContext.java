package dev.spate.protocol.peer;

import dev.spate.protocol.ExtensionHandshake;
import java.time.Duration;

/**
 * What a peer connection knows of its torrent and of the client's rules.
 *
 * @param have               the pieces we have (read on the peer's event loop)
 * @param source             where uploaded blocks come from
 * @param pieceLength        the torrent's piece length
 * @param totalLength        the torrent's total length
 * @param fastExtension      both ends set the BEP 6 bit
 * @param extensionProtocol  both ends set the BEP 10 bit
 * @param ourExtensions      our extension handshake (sent when {@code extensionProtocol})
 * @param maxQueuedRequests  requests from the remote we queue; beyond twice this it is a flood
 * @param maxReadsInFlight   disk reads for uploads one peer may have outstanding
 * @param keepAliveInterval  send a keep-alive after this long without writing
 * @param idleTimeout        close after this long without reading anything
 */
public record PeerContext(PieceSet have, BlockSource source, int pieceLength, long totalLength,
        boolean fastExtension, boolean extensionProtocol, ExtensionHandshake ourExtensions,
        int maxQueuedRequests, int maxReadsInFlight, Duration keepAliveInterval, Duration idleTimeout) {

    public int pieceCount() {
        return have.pieceCount();
    }

    public int pieceSize(int piece) {
        long start = (long) piece * pieceLength;
        return (int) Math.min(pieceLength, totalLength - start);
    }
}
