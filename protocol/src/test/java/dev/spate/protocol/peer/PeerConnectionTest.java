package dev.spate.protocol.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.protocol.ExtensionHandshake;
import dev.spate.protocol.WireDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The peer state machine on an EmbeddedChannel: bytes from the remote in, reports to selection out. */
class PeerConnectionTest {
    private static final int PIECES = 21;
    private static final int PIECE_LENGTH = 256 * 1024;

    /** What selection received, copied before the report goes back to the link. */
    private record Seen(byte[] bitfield, List<Integer> haves, boolean haveAll, boolean haveNone, boolean closed,
            String closeReason) {
    }

    private final List<Seen> seen = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    private void connect(boolean fastExtension) {
        PeerLink link = new PeerLink(1, 4, new PeerLink.Upstream() {
            @Override
            public void reportReady(PeerLink l, PeerReport r) {
                List<Integer> haves = new ArrayList<>();
                for (int i = 0; i < r.haves.size(); i++) {
                    haves.add(r.haves.get(i));
                }
                seen.add(new Seen(r.bitfield, haves, r.haveAll, r.haveNone, r.closed, r.closeReason));
                l.reportDone(r);
            }

            @Override
            public void ordersSlotFree(PeerLink l) {
            }
        });
        BlockSource noReads = (piece, offset, length, callback) -> callback.done(null, new IllegalStateException());
        PeerContext context = new PeerContext(new PieceSet(PIECES), noReads, PIECE_LENGTH, (long) PIECES * PIECE_LENGTH,
                fastExtension, true, ExtensionHandshake.empty(), 500, 16, Duration.ofSeconds(90),
                Duration.ofSeconds(180));
        PeerConnection.install(channel, link, context, new WireDecoder());
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void receive(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        channel.writeInbound(Unpooled.wrappedBuffer(b));
        Object out;
        while ((out = channel.readOutbound()) != null) {
            ReferenceCountUtil.release(out);
        }
    }

    private boolean closed() {
        return seen.stream().anyMatch(Seen::closed);
    }

    @Test
    void aBitfieldFirstIsReported() {
        connect(true);
        receive(0, 0, 0, 4, 5, 0x80, 0, 0);
        assertThat(closed()).isFalse();
        assertThat(seen).anySatisfy(s -> assertThat(s.bitfield()).containsExactly(0x80, 0, 0));
    }

    @Test
    void aBitfieldLaterStandsForHavesAsAria2SendsIt() {
        // aria2 sends its bitfield instead of have messages whenever that is no longer (9 bytes a
        // have), which for a torrent of a few pieces is every time: have none first, then bitfields.
        connect(true);
        receive(0, 0, 0, 1, 0x0f); // have none
        receive(0, 0, 0, 1, 2); // interested
        receive(0, 0, 0, 4, 5, 0, 0x10, 0); // bitfield: piece 11
        receive(0, 0, 0, 4, 5, 0, 0x10, 0x08); // bitfield: pieces 11 and 20
        assertThat(closed()).as("the connection stays open: %s", seen).isFalse();
        assertThat(seen).anySatisfy(s -> assertThat(s.bitfield()).containsExactly(0, 0x10, 0x08));
    }

    @Test
    void haveAllLaterMeansTheRemoteHasCompletedAsAria2SendsIt() {
        connect(true);
        receive(0, 0, 0, 1, 0x0f); // have none
        receive(0, 0, 0, 1, 2); // interested
        receive(0, 0, 0, 1, 0x0e); // have all, once aria2 has every piece
        assertThat(closed()).as("the connection stays open: %s", seen).isFalse();
        assertThat(seen).anySatisfy(s -> assertThat(s.haveAll()).isTrue());
    }

    @Test
    void haveNoneLaterChangesNothing() {
        connect(true);
        receive(0, 0, 0, 4, 5, 0x80, 0, 0);
        receive(0, 0, 0, 1, 0x0f); // have none: a peer cannot lose pieces; ignored
        assertThat(closed()).isFalse();
        assertThat(seen).noneSatisfy(s -> assertThat(s.haveNone()).isTrue());
    }

    @Test
    void haveAllWithoutTheFastExtensionIsStillAViolation() {
        connect(false);
        receive(0, 0, 0, 1, 0x0e);
        assertThat(seen).anySatisfy(s -> assertThat(s.closeReason()).contains("without the fast extension"));
    }
}
