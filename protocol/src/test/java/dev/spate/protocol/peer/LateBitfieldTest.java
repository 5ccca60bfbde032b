package dev.spate.protocol.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.protocol.ExtensionHandshake;
import dev.spate.protocol.WireDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bitfield that is not the first message: aria2 sends its whole bitfield again after each piece
 * it completes. It is passed on as an update, not taken as a protocol violation.
 */
class LateBitfieldTest {
    private final List<PeerReport> reports = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void connect() {
        PeerLink link = new PeerLink(0, 4, new PeerLink.Upstream() {
            @Override
            public void reportReady(PeerLink l, PeerReport report) {
                PeerReport copy = new PeerReport();
                copy.bitfield = report.bitfield;
                copy.closed = report.closed;
                copy.closeReason = report.closeReason;
                reports.add(copy);
                if (!report.closed) {
                    l.reportDone(report);
                }
            }

            @Override
            public void ordersSlotFree(PeerLink l) {
            }
        });
        BlockSource nothing = (piece, offset, length, callback) -> callback.done(null, new IllegalStateException());
        PeerContext context = new PeerContext(new PieceSet(24), nothing, 16384, 24 * 16384L, false, true,
                ExtensionHandshake.empty(), 16, 4, Duration.ofMinutes(2), Duration.ofMinutes(3));
        PeerConnection.install(channel, link, context, new WireDecoder());
    }

    private void receive(String hex) {
        channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex)));
    }

    @Test
    void aBitfieldAfterOtherMessagesIsAnUpdate() {
        connect();
        receive("0000000102"); // interested
        receive("000000050400000003"); // have 3
        receive("0000000405100000"); // bitfield: piece 3
        receive("0000000405100080"); // bitfield again after another piece (16)
        assertThat(reports).noneMatch(r -> r.closed);
        assertThat(reports).extracting(r -> r.bitfield == null ? null : HexFormat.of().formatHex(r.bitfield))
                .contains("100000", "100080");
        assertThat(channel.isOpen()).isTrue();
    }
}
