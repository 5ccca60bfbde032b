package dev.spate.handshake.mse;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The torrents we serve, by HASH('req2', info hash): how an encrypted handshake names its torrent.
 * Keep one beside the set of served torrents and answer
 * {@link dev.spate.handshake.InboundTorrents#byObfuscatedHash} from it. Thread-safe.
 */
public final class ObfuscatedInfoHashes {
    private final Map<String, byte[]> byReq2 = new ConcurrentHashMap<>();

    /** Starts answering for the torrent whose wire id is {@code infoHash}. */
    public void add(byte[] infoHash) {
        byReq2.put(key(MseHashes.req2(infoHash)), infoHash.clone());
    }

    public void remove(byte[] infoHash) {
        byReq2.remove(key(MseHashes.req2(infoHash)));
    }

    /** The wire id of the torrent whose HASH('req2', wire id) is {@code req2Hash} (a fresh array), or null. */
    public byte[] find(byte[] req2Hash) {
        byte[] hash = byReq2.get(key(req2Hash));
        return hash == null ? null : hash.clone();
    }

    private static String key(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
