package dev.spate.discovery.lsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.metainfo.InfoHash;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BEP 14 announces both ways, and what a bad one costs. */
class LsdCodecTest {
    static final InfoHash A = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    static final InfoHash B = InfoHash.fromHex("fedcba9876543210fedcba9876543210fedcba98");

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void encodesTheBepsFormatWithSeveralInfohashes() {
        byte[] wire = LsdCodec.encode("239.192.152.143:6771", new LsdAnnounce(6881, List.of(A, B), Optional.of("c0ffee")));
        assertThat(new String(wire, StandardCharsets.US_ASCII)).isEqualTo("BT-SEARCH * HTTP/1.1\r\n"
                + "Host: 239.192.152.143:6771\r\n"
                + "Port: 6881\r\n"
                + "Infohash: 0123456789abcdef0123456789abcdef01234567\r\n"
                + "Infohash: fedcba9876543210fedcba9876543210fedcba98\r\n"
                + "cookie: c0ffee\r\n"
                + "\r\n\r\n");
        assertThat(LsdCodec.decode(wire)).isEqualTo(new LsdAnnounce(6881, List.of(A, B), Optional.of("c0ffee")));
    }

    @Test
    void aFullMessageStaysUnder1400Bytes() {
        List<InfoHash> hashes = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < LsdCodec.HASHES_PER_MESSAGE; i++) {
            byte[] b = new byte[20];
            random.nextBytes(b);
            hashes.add(InfoHash.of(b));
        }
        byte[] wire = LsdCodec.encode("[ff15::efc0:988f]:6771", new LsdAnnounce(65535, hashes,
                Optional.of("0123456789abcdef")));
        assertThat(wire.length).isLessThanOrEqualTo(1400);
        assertThat(LsdCodec.decode(wire).infoHashes()).isEqualTo(hashes);
    }

    @Test
    void readsWhatOtherClientsSend() {
        // libtorrent's layout (cookie in hex, upper-case hash), bare line feeds, other header case, extra headers.
        assertThat(LsdCodec.decode(ascii("BT-SEARCH * HTTP/1.1\r\nHost: 239.192.152.143:6771\r\nPort: 51413\r\n"
                + "Infohash: 0123456789ABCDEF0123456789ABCDEF01234567\r\ncookie: 1a2b\r\n\r\n\r\n")))
                .isEqualTo(new LsdAnnounce(51413, List.of(A), Optional.of("1a2b")));
        assertThat(LsdCodec.decode(ascii("BT-SEARCH * HTTP/1.1\nhost: x\nPORT:80\nX-Extra: yes\nINFOHASH: "
                + A.toHex() + "\n\n"))).isEqualTo(new LsdAnnounce(80, List.of(A), Optional.empty()));
    }

    @Test
    void theIpv6HostHeaderIsTheShortForm() throws Exception {
        assertThat(LsdConfig.hostHeader(new InetSocketAddress(InetAddress.getByName("ff15::efc0:988f"), 6771)))
                .isEqualTo("[ff15::efc0:988f]:6771");
        assertThat(LsdConfig.hostHeader(new InetSocketAddress(InetAddress.getByName("239.192.152.143"), 6771)))
                .isEqualTo("239.192.152.143:6771");
        assertThat(LsdConfig.compressed(InetAddress.getByName("1:0:0:2:0:0:0:3").getAddress())).isEqualTo("1:0:0:2::3");
        assertThat(LsdConfig.compressed(InetAddress.getByName("::").getAddress())).isEqualTo("::");
        assertThat(LsdConfig.compressed(InetAddress.getByName("1:2:3:4:5:6:7:0").getAddress())).isEqualTo("1:2:3:4:5:6:7:0");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            M-SEARCH * HTTP/1.1\\r\\nPort: 1\\r\\n                                     | not a BT-SEARCH request
            BT-SEARCH * HTTP/1.1\\r\\nInfohash: 0123456789abcdef0123456789abcdef01234567 | no Port header
            BT-SEARCH * HTTP/1.1\\r\\nPort: 6881                                       | no Infohash header
            BT-SEARCH * HTTP/1.1\\r\\nPort: 0\\r\\nInfohash: 0123456789abcdef0123456789abcdef01234567 | Port 0 is not between
            BT-SEARCH * HTTP/1.1\\r\\nPort: -5\\r\\nInfohash: 0123456789abcdef0123456789abcdef01234567 | Port is not a port number
            BT-SEARCH * HTTP/1.1\\r\\nPort: 99999999999\\r\\nInfohash: 0123456789abcdef0123456789abcdef01234567 | Port is not a port number
            BT-SEARCH * HTTP/1.1\\r\\nPort: 1\\r\\nInfohash: 0123                      | Infohash is not 40 hex digits
            BT-SEARCH * HTTP/1.1\\r\\nPort: 1\\r\\nInfohash: zz23456789abcdef0123456789abcdef01234567 | Infohash is not 40 hex digits
            """)
    void badAnnouncesNameTheirFault(String text, String reason) {
        assertThatThrownBy(() -> LsdCodec.decode(ascii(text.strip().replace("\\r\\n", "\r\n"))))
                .isInstanceOf(LsdException.class).hasMessageContaining(reason);
    }

    @Test
    void onlyTheFirstLinesAndHashesAreRead() {
        StringBuilder many = new StringBuilder("BT-SEARCH * HTTP/1.1\r\nPort: 1\r\n");
        Random random = new Random(2);
        while (many.length() < LsdCodec.MAX_DATAGRAM_BYTES - 60) {
            byte[] b = new byte[20];
            random.nextBytes(b);
            many.append("Infohash: ").append(InfoHash.of(b).toHex()).append("\r\n");
        }
        assertThat(LsdCodec.decode(ascii(many.toString())).infoHashes()).hasSize(LsdCodec.MAX_HASHES);
        String junk = "BT-SEARCH * HTTP/1.1\r\n" + "x\r\n".repeat(LsdCodec.MAX_LINES) + "Port: 1\r\nInfohash: "
                + A.toHex() + "\r\n";
        assertThatThrownBy(() -> LsdCodec.decode(ascii(junk))).hasMessageContaining("no Port header");
        assertThatThrownBy(() -> LsdCodec.decode(new byte[LsdCodec.MAX_DATAGRAM_BYTES + 1]))
                .isInstanceOf(LsdException.class).hasMessageContaining("over the 2048-byte limit");
    }

    @Test
    void randomBytesGiveOnlyLsdException() {
        Random random = new Random(3);
        byte[] good = LsdCodec.encode("239.192.152.143:6771", new LsdAnnounce(6881, List.of(A, B), Optional.of("c")));
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = good.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                LsdCodec.decode(bytes);
            } catch (LsdException expected) {
                // fine: anything else escaping fails the test
            }
        }
    }
}
