package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.handshake.Capabilities;
import dev.spate.handshake.Handshake;
import dev.spate.handshake.HandshakeDirection;
import dev.spate.handshake.HandshakeResult;
import dev.spate.handshake.PeerId;
import dev.spate.protocol.ExtensionHandshake;
import dev.spate.protocol.peer.PeerLink;
import dev.spate.protocol.peer.PeerReport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What TorrentHandle.peers() shows, from the reports a peer's link passes on to selection. */
class PeerTableTest {
    private final PeerTable table = new PeerTable();
    private final List<PeerReport> passedOn = new ArrayList<>();
    private final PeerLink.Upstream selection = new PeerLink.Upstream() {
        @Override
        public void reportReady(PeerLink link, PeerReport report) {
            passedOn.add(report);
        }

        @Override
        public void ordersSlotFree(PeerLink link) {
        }
    };

    private static HandshakeResult libtorrentDialedUs(int port) {
        PeerId id = PeerId.of("-LT2080-abcdefghijkl".getBytes(StandardCharsets.US_ASCII));
        Capabilities caps = Capabilities.NONE.withExtensionProtocol().withFastExtension().withDht();
        return new HandshakeResult(new Handshake(new byte[20], id, caps), HandshakeDirection.INBOUND,
                new InetSocketAddress("127.0.0.1", port), caps.and(Capabilities.spate()));
    }

    @Test
    void aPeerShowsItsHandshakeThenItsExtensionHandshakeAndFastMessages() {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 6881);
        PeerLink.Upstream watched = table.watch(1, address, libtorrentDialedUs(6881), selection);
        PeerLink link = new PeerLink(1, 2, watched);

        PeerInfo first = table.snapshot().get(0);
        assertThat(first.address()).isEqualTo(address);
        assertThat(first.outgoing()).isFalse();
        assertThat(first.client()).startsWith("libtorrent");
        assertThat(first.capabilities().fastExtension()).isTrue();
        assertThat(first.capabilities().extensionProtocol()).isTrue();
        assertThat(first.extensionHandshake()).isEmpty();
        assertThat(first.sentFastMessage()).isFalse();
        assertThat(first.connected()).isTrue();

        PeerReport r = new PeerReport();
        r.extensionHandshake = ExtensionHandshake.empty().withClient("libtorrent/2.0.8.0").withExtension("ut_pex", 1);
        r.haveAll = true;
        watched.reportReady(link, r);
        assertThat(passedOn).containsExactly(r);
        PeerInfo later = table.snapshot().get(0);
        assertThat(later.extensionHandshake()).hasValueSatisfying(h -> {
            assertThat(h.client()).hasValue("libtorrent/2.0.8.0");
            assertThat(h.extensionId("ut_pex")).isEqualTo(1);
        });
        assertThat(later.sentFastMessage()).isTrue();
    }

    @Test
    void aPeerThatLeftIsKeptWithItsReasonAndOnlyTheNewestAreKept() {
        for (int i = 0; i < PeerTable.RECENTLY_CLOSED + 5; i++) {
            PeerLink.Upstream watched = table.watch(i, new InetSocketAddress("127.0.0.1", 7000 + i),
                    libtorrentDialedUs(7000 + i), selection);
            PeerReport last = new PeerReport();
            last.closed = true;
            last.closeReason = "reason " + i;
            watched.reportReady(new PeerLink(i, 2, watched), last);
        }
        table.watch(99, new InetSocketAddress("127.0.0.1", 9999), libtorrentDialedUs(9999), selection);

        List<PeerInfo> peers = table.snapshot();
        assertThat(peers).hasSize(PeerTable.RECENTLY_CLOSED + 1);
        assertThat(peers.get(0).connected()).isTrue();
        assertThat(peers.get(1).closedBecause()).hasValue("reason " + (PeerTable.RECENTLY_CLOSED + 4));
        assertThat(peers.get(peers.size() - 1).closedBecause()).hasValue("reason 5");
    }
}
