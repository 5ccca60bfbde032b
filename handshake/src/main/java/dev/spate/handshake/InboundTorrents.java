package dev.spate.handshake;

/** Which torrents an incoming connection may ask for. Called on event loops: thread-safe, non-blocking. */
@FunctionalInterface
public interface InboundTorrents {

    /** True if we serve the torrent whose wire id (20 bytes, a fresh array) is {@code infoHash}. */
    boolean serves(byte[] infoHash);
}
