package dev.spate.discovery.tracker.wire;

import static dev.spate.discovery.tracker.wire.TestBytes.concat;
import static dev.spate.discovery.tracker.wire.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.AnnounceRequest;
import dev.spate.metainfo.InfoHash;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** BEP 15 and BEP 41 packets, checked against bytes laid out by hand from the specifications' tables. */
class UdpTrackerWireTest {
    static final InfoHash HASH = InfoHash.of(hex("0102030405060708090a0b0c0d0e0f1011121314"));
    static final byte[] PEER_ID = "-SP0100-abcdefghijkl".getBytes();

    static byte[] write(Consumer<ByteBuf> writer) {
        ByteBuf buf = Unpooled.buffer();
        writer.accept(buf);
        byte[] out = ByteBufUtil.getBytes(buf);
        buf.release();
        return out;
    }

    @Test
    void connectRequest() {
        assertThat(write(b -> UdpTrackerWire.writeConnectRequest(b, 0x12345678))).isEqualTo(hex(
                "00000417 27101980" // protocol_id 0x41727101980
                        + "00000000" // action 0: connect
                        + "12345678")); // transaction_id
    }

    @Test
    void announceRequestWithUrlData() {
        AnnounceRequest r = new AnnounceRequest(HASH, PEER_ID, 6881, 3, 1, 2, AnnounceEvent.STARTED, 50,
                0xcafebabe, Optional.empty());
        byte[] packet = write(b -> UdpTrackerWire.writeAnnounceRequest(b, 0x1122334455667788L, 7, r,
                "/announce?pk=1"));
        assertThat(packet).isEqualTo(concat(
                hex("11223344 55667788" // connection_id
                        + "00000001" // action 1: announce
                        + "00000007" // transaction_id
                        + "0102030405060708090a0b0c0d0e0f1011121314"), // info_hash
                "-SP0100-abcdefghijkl", // peer_id
                hex("00000000 00000001" // downloaded
                        + "00000000 00000002" // left
                        + "00000000 00000003" // uploaded
                        + "00000002" // event 2: started
                        + "00000000" // IP address: default
                        + "cafebabe" // key
                        + "00000032" // num_want 50
                        + "1ae1" // port 6881
                        + "02 0e"), // BEP 41: URL data, 14 bytes
                "/announce?pk=1"));
        assertThat(packet.length).isEqualTo(98 + 2 + 14);
    }

    @Test
    void urlDataLongerThan255BytesIsSplitIntoOptions() {
        String url = "/" + "a".repeat(299);
        byte[] data = write(b -> UdpTrackerWire.writeUrlData(b, url));
        assertThat(data).isEqualTo(concat(hex("02 ff"), url.substring(0, 255), hex("02 2d"), url.substring(255)));
        assertThat(write(b -> UdpTrackerWire.writeUrlData(b, ""))).isEmpty();
    }

    @Test
    void scrapeRequest() {
        InfoHash other = InfoHash.of(hex("ffeeddccbbaa99887766554433221100ffeeddcc"));
        assertThat(write(b -> UdpTrackerWire.writeScrapeRequest(b, 0x0102030405060708L, -1, List.of(HASH, other))))
                .isEqualTo(hex("0102030405060708 00000002 ffffffff"
                        + "0102030405060708090a0b0c0d0e0f1011121314"
                        + "ffeeddccbbaa99887766554433221100ffeeddcc"));
    }

    @Test
    void trackerRepliesAndErrors() {
        assertThat(write(b -> UdpTrackerWire.writeConnectReply(b, 9, 0x0a0b0c0d0e0f1011L)))
                .isEqualTo(hex("00000000 00000009 0a0b0c0d0e0f1011"));
        assertThat(write(b -> UdpTrackerWire.writeAnnounceReplyHeader(b, 9, 1800, 3, 4)))
                .isEqualTo(hex("00000001 00000009 00000708 00000003 00000004"));
        assertThat(write(b -> {
            UdpTrackerWire.writeScrapeReplyHeader(b, 9);
            UdpTrackerWire.writeScrapeEntry(b, 5, 6, 7);
        })).isEqualTo(hex("00000002 00000009 00000005 00000006 00000007"));
        assertThat(write(b -> UdpTrackerWire.writeError(b, 9, "no")))
                .isEqualTo(concat(hex("00000003 00000009"), "no"));
    }

    @Test
    void trackerReadsAnAnnounceRequest() {
        ByteBuf in = Unpooled.wrappedBuffer(concat(
                hex("0000000000000042 00000001 0000abcd 0102030405060708090a0b0c0d0e0f1011121314"),
                "-SP0100-abcdefghijkl",
                hex("0000000000000010 0000000000000020 0000000000000030 00000003 7f000001 00000005 ffffffff c8d5"),
                hex("02 01 2f"))); // options after the fixed part are ignored
        UdpTrackerWire.AnnounceFields a = UdpTrackerWire.readAnnounceRequest(in);
        assertThat(a.connectionId()).isEqualTo(0x42);
        assertThat(a.transactionId()).isEqualTo(0xabcd);
        assertThat(a.infoHash()).isEqualTo(HASH.wireId());
        assertThat(a.peerId()).isEqualTo(PEER_ID);
        assertThat(a.downloaded()).isEqualTo(16);
        assertThat(a.left()).isEqualTo(32);
        assertThat(a.uploaded()).isEqualTo(48);
        assertThat(a.event()).isEqualTo(AnnounceEvent.STOPPED);
        assertThat(a.ip()).isEqualTo(0x7f000001);
        assertThat(a.key()).isEqualTo(5);
        assertThat(a.numWant()).isEqualTo(-1);
        assertThat(a.port()).isEqualTo(51413);
        in.release();
    }

    @Test
    void errorMessageIsTheRestOfThePacket() {
        ByteBuf in = Unpooled.wrappedBuffer(concat(hex("00000003 00000009"), "torrent not registered"));
        assertThat(UdpTrackerWire.replyAction(in)).isEqualTo(3);
        assertThat(UdpTrackerWire.replyTransactionId(in)).isEqualTo(9);
        assertThat(UdpTrackerWire.readErrorMessage(in)).isEqualTo("torrent not registered");
        in.release();
    }
}
