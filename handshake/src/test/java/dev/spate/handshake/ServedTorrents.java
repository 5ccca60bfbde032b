package dev.spate.handshake;

import dev.spate.handshake.mse.ObfuscatedInfoHashes;
import dev.spate.metainfo.InfoHash;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The torrents a test's listener serves, each with its own policy or none. */
public final class ServedTorrents implements InboundTorrents {
    private final Map<InfoHash, Optional<EncryptionPolicy>> policies = new ConcurrentHashMap<>();
    private final ObfuscatedInfoHashes obfuscated = new ObfuscatedInfoHashes();

    public ServedTorrents serve(InfoHash torrent) {
        return serve(torrent, Optional.empty());
    }

    public ServedTorrents serve(InfoHash torrent, EncryptionPolicy policy) {
        return serve(torrent, Optional.of(policy));
    }

    private ServedTorrents serve(InfoHash torrent, Optional<EncryptionPolicy> policy) {
        policies.put(torrent, policy);
        obfuscated.add(torrent.wireId());
        return this;
    }

    @Override
    public boolean serves(byte[] infoHash) {
        return policies.containsKey(InfoHash.of(infoHash));
    }

    @Override
    public byte[] byObfuscatedHash(byte[] req2Hash) {
        return obfuscated.find(req2Hash);
    }

    @Override
    public Optional<EncryptionPolicy> encryption(byte[] infoHash) {
        return policies.getOrDefault(InfoHash.of(infoHash), Optional.empty());
    }
}
