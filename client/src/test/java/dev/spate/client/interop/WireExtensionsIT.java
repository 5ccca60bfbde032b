package dev.spate.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.client.PeerInfo;
import dev.spate.interop.RealClient;
import dev.spate.interop.RealClients;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast extension (BEP 6) and the extension protocol (BEP 10) as each real client uses them
 * with spate, read from {@code TorrentHandle.peers()}: the reserved bits of its handshake, its
 * extension handshake, and a BEP 6 message (a seeder's have all, a new leecher's have none).
 */
@Tag("interop")
@ExtendWith(MatrixReport.class)
class WireExtensionsIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    /** rtorrent (libtorrent 0.13) does not implement BEP 6; the others do. */
    static boolean offersFastExtension(RealClient client) {
        return client != RealClients.RTORRENT;
    }

    static List<Plan> cells() {
        return Cells.smallTransfers().stream().map(p -> p.withFeature(offersFastExtension(p.client())
                ? "fast extension (BEP 6) and extension handshake (BEP 10) on the wire"
                : "extension handshake (BEP 10) on the wire; no fast extension (" + p.client().name() + " has none)"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void whatTheClientSays(Plan plan, Cell cell) throws Exception {
        RealClient client = plan.client();
        List<PeerInfo> theirs = plan.run(cell, dir).spateSaw().stream().filter(p -> !p.client().startsWith("spate"))
                .toList();
        PeerInfo peer = theirs.stream().filter(p -> p.extensionHandshake().isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError(client.name() + " sent no extension handshake; spate saw "
                        + theirs));
        assertThat(peer.capabilities().extensionProtocol()).as("%s sets the extension protocol bit: %s", client.name(),
                peer).isTrue();
        assertThat(peer.extensionHandshake().orElseThrow().client()).as("%s names itself ('v'): %s", client.name(),
                peer).isPresent();
        boolean fast = offersFastExtension(client);
        assertThat(peer.capabilities().fastExtension()).as("%s sets the fast extension bit: %s", client.name(), peer)
                .isEqualTo(fast);
        assertThat(peer.sentFastMessage()).as("%s sends have all / have none: %s", client.name(), peer)
                .isEqualTo(fast);
    }
}
