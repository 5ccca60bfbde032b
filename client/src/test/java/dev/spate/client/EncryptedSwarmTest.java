package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.handshake.EncryptionPolicy;
import dev.spate.metainfo.Metainfo;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * spate to spate over TCP on 127.0.0.1 with each encryption policy: what the connections use (the
 * RC4 cipher in the pipeline or not), how blocks leave the seeder (zero-copy file regions only on
 * plaintext connections), and what the extension handshake's {@code e} says.
 */
class EncryptedSwarmTest {
    @TempDir
    Path tmp;

    private final List<AutoCloseable> closeAtEnd = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closeAtEnd.size() - 1; i >= 0; i--) {
            closeAtEnd.get(i).close();
        }
    }

    private TorrentClient client(EncryptionPolicy policy, ObservedPeers observed) {
        ClientConfig config = ClientConfig.loopback().withNetworkThreads(2).toBuilder().encryption(policy)
                .peerChannelHook(observed::attach).build();
        TorrentClient c = TorrentClient.create(config);
        closeAtEnd.add(c);
        return c;
    }

    /** A seeder with {@code seeding} and a leecher with {@code leeching}; returns when the leecher has it all. */
    private void transfer(EncryptionPolicy seeding, ObservedPeers seederSaw, EncryptionPolicy leeching,
                          ObservedPeers leecherSaw)
            throws Exception {
        Path seedDir = tmp.resolve("seed");
        Payloads.write(seedDir.resolve("payload.bin"), 3_000_000, 5);
        Metainfo torrent = Payloads.torrent(seedDir.resolve("payload.bin"), 64 * 1024);
        TorrentClient seeder = client(seeding, seederSaw);
        seeder.add(torrent, seedDir).completion().get(30, TimeUnit.SECONDS);
        TorrentHandle leech = client(leeching, leecherSaw).add(torrent, tmp.resolve("leech"));
        leech.addPeer(new InetSocketAddress("127.0.0.1", seeder.listenPort()));
        leech.completion().get(60, TimeUnit.SECONDS);
        Payloads.assertSameTree(seedDir, tmp.resolve("leech"));
    }

    @Test
    void requireOnBothSidesTransfersEverythingThroughRc4() throws Exception {
        ObservedPeers seeder = new ObservedPeers();
        ObservedPeers leecher = new ObservedPeers();
        transfer(EncryptionPolicy.REQUIRE, seeder, EncryptionPolicy.REQUIRE, leecher);
        assertThat(seeder.ciphered).isNotEmpty().containsOnly(true);
        assertThat(leecher.ciphered).isNotEmpty().containsOnly(true);
        assertThat(seeder.fileRegions).as("no zero-copy through a cipher").hasValue(0);
        assertThat(seeder.buffers.get()).as("blocks went out as buffers").isGreaterThan(40);
        assertThat(seeder.prefersEncryption).isNotEmpty().containsOnly(true);
        assertThat(leecher.prefersEncryption).isNotEmpty().containsOnly(true);
    }

    @Test
    void plainConnectionsKeepZeroCopy() throws Exception {
        ObservedPeers seeder = new ObservedPeers();
        ObservedPeers leecher = new ObservedPeers();
        transfer(EncryptionPolicy.DISABLE, seeder, EncryptionPolicy.DISABLE, leecher);
        assertThat(seeder.ciphered).isNotEmpty().containsOnly(false);
        assertThat(seeder.fileRegions.get()).as("blocks went out as file regions").isGreaterThan(40);
        assertThat(seeder.prefersEncryption).isNotEmpty().containsOnly(false);
        assertThat(leecher.prefersEncryption).isNotEmpty().containsOnly(false);
    }

    @Test
    void preferMeetingDisableNegotiatesPlaintextAndKeepsZeroCopy() throws Exception {
        ObservedPeers seeder = new ObservedPeers();
        ObservedPeers leecher = new ObservedPeers();
        transfer(EncryptionPolicy.DISABLE, seeder, EncryptionPolicy.PREFER, leecher);
        assertThat(leecher.ciphered).isNotEmpty().containsOnly(false);
        assertThat(seeder.fileRegions.get()).isGreaterThan(40);
        assertThat(leecher.prefersEncryption).isNotEmpty().containsOnly(true);
    }
}
