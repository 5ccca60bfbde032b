package dev.spate.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagnetUriTest {
    static final String HEX = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";
    static final String V2 = "d8dd32ac93357c368556af3ac1d95c9d76bd0dff6fa9833ecdac3d53134efabb";

    @Test
    void readsEveryParameter() {
        MagnetUri m = MagnetUri.parse("magnet:?xt=urn:btih:" + HEX.toUpperCase() + "&xt=urn:btmh:1220" + V2
                + "&dn=Big+Buck%20Bunny%E2%9C%93&tr=udp%3A%2F%2Ftracker.example%3A80&tr.1=http://b/announce"
                + "&tr=udp://tracker.example:80&ws=http://seed/x&xl=123&x.pe=10.0.0.1:6881&x.pe=[2001:db8::1]:51413"
                + "&x.pe=peer.example:1&so=0,2,4-6&unknown=1&novalue");
        assertThat(m.infoHashes().v1()).isEqualTo(InfoHash.fromHex(HEX));
        assertThat(m.infoHashes().v2()).isEqualTo(InfoHash.fromHex(V2));
        assertThat(m.displayName()).contains("Big Buck Bunny\u2713");
        assertThat(m.trackers()).containsExactly("udp://tracker.example:80", "http://b/announce");
        assertThat(m.trackerTiers()).containsExactly(List.of("udp://tracker.example:80"), List.of("http://b/announce"));
        assertThat(m.webSeeds()).containsExactly("http://seed/x");
        assertThat(m.exactLength()).hasValue(123);
        assertThat(m.peers()).containsExactly(new PeerAddress("10.0.0.1", 6881), new PeerAddress("2001:db8::1", 51413),
                new PeerAddress("peer.example", 1));
        assertThat(m.selectOnly()).containsExactly(new FileIndexRange(0, 0), new FileIndexRange(2, 2), new FileIndexRange(4, 6));
        assertThat(m.selectOnly().get(2).contains(5)).isTrue();
    }

    @Test
    void base32InfoHashesAreTheSameAsHex() {
        // 20 bytes 0x00..0x13 in base32 and hex
        MagnetUri b32 = MagnetUri.parse("magnet:?xt=urn:btih:AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT");
        assertThat(b32.infoHashes().v1().toHex()).isEqualTo("000102030405060708090a0b0c0d0e0f10111213");
        assertThat(MagnetUri.parse("magnet:?xt=urn:btih:aaaqeayeaudaocajbifqydiob4ibceqt")).isEqualTo(b32);
    }

    @Test
    void aV2OnlyLink() {
        MagnetUri m = MagnetUri.parse("MAGNET:?xt=urn:btmh:1220" + V2);
        assertThat(m.infoHashes().v1()).isNull();
        assertThat(m.infoHashes().primary()).isEqualTo(InfoHash.fromHex(V2));
        assertThat(m.toString()).isEqualTo("magnet:?xt=urn:btmh:1220" + V2);
    }

    @Test
    void toStringIsCanonicalAndParsesBack() {
        String link = "magnet:?xt=urn:btih:" + HEX + "&dn=a%26b%3Dc%20d&xl=5&tr=http://t/a?x%3D1&ws=http://w&x.pe=%5B::1%5D:1&so=1,3-4";
        MagnetUri m = MagnetUri.parse(link);
        assertThat(m.displayName()).contains("a&b=c d");
        assertThat(m.trackers()).containsExactly("http://t/a?x=1");
        assertThat(m.toString()).isEqualTo("magnet:?xt=urn:btih:" + HEX + "&dn=a%26b%3Dc%20d&xl=5&tr=http://t/a%3Fx%3D1"
                + "&ws=http://w&x.pe=%5B::1%5D:1&so=1,3-4");
        assertThat(MagnetUri.parse(m.toString())).isEqualTo(m);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "http://example.com|magnet link: it must start with \"magnet:?\"",
        "magnet:?dn=x|magnet link: no xt=urn:btih: (v1) or xt=urn:btmh: (v2) info hash",
        "magnet:?xt=urn:sha1:abc|magnet link: no xt=urn:btih: (v1) or xt=urn:btmh: (v2) info hash",
        "magnet:?xt=urn:btih:1234|magnet link: xt: urn:btih: needs 40 hex digits or 32 base32 characters, found 4 characters",
        "magnet:?xt=urn:btih:zz2fe1c06bba254a9dc9f519b335aa7c1367a88a|magnet link: xt: urn:btih: \"zz2fe1c06bba254a9dc9f519b335aa7c1367a88a\" is not hexadecimal",
        "magnet:?xt=urn:btih:11111111111111111111111111111111|magnet link: xt: urn:btih: \"11111111111111111111111111111111\" is not base32",
        "magnet:?xt=urn:btmh:1114abcd|magnet link: xt: urn:btmh: needs a SHA-256 multihash (1220 and 64 hex digits), found \"1114abcd\"",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=%G1|magnet link: dn: bad percent escape \"%G1\" at character 0",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&tr=abc%4|magnet link: tr: bad percent escape \"%4\" at character 3",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&xt=urn:btih:0000000000000000000000000000000000000000|magnet link: xt: two different urn:btih: hashes (c12fe1c06bba254a9dc9f519b335aa7c1367a88a and 0000000000000000000000000000000000000000)",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=host|magnet link: x.pe: expected host:port, found host",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=h:99999|magnet link: x.pe: port 99999 is not between 1 and 65535",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=[::1]|magnet link: x.pe: expected [IPv6]:port, found [::1]",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=::1:5|magnet link: x.pe: expected host:port, found ::1:5",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&so=3-1|magnet link: so: range 3-1 runs backwards",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&so=1,,2|magnet link: so: \"\" is not a number",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&so=99999999999|magnet link: so: 99999999999 is too large",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&xl=-1|magnet link: xl: \"-1\" is not a number",
    })
    void malformedLinksGiveClearErrors(String link, String message) {
        assertThatThrownBy(() -> MagnetUri.parse(link)).isInstanceOf(MetainfoException.class).hasMessage(message);
    }

    @Test
    void aHugeSelectOnlyRangeStaysARange() {
        MagnetUri m = MagnetUri.parse("magnet:?xt=urn:btih:" + HEX + "&so=0-2147483647");
        assertThat(m.selectOnly()).containsExactly(new FileIndexRange(0, Integer.MAX_VALUE));
    }

    @Provide
    Arbitrary<MagnetUri> magnets() {
        Arbitrary<InfoHash> v1 = Arbitraries.bytes().array(byte[].class).ofSize(20).map(InfoHash::of).injectNull(0.3);
        Arbitrary<InfoHash> v2 = Arbitraries.bytes().array(byte[].class).ofSize(32).map(InfoHash::of);
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(20).filter(s -> s.strip().equals(s) && !s.isEmpty());
        Arbitrary<PeerAddress> peer = Combinators.combine(Arbitraries.of("1.2.3.4", "::1", "host.example", "fe80::1"),
                Arbitraries.integers().between(1, 65535)).as(PeerAddress::new);
        Arbitrary<FileIndexRange> range = Combinators.combine(Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 100)).as((a, b) -> new FileIndexRange(a, a + b));
        return Combinators.combine(v1, v2.injectNull(0.5), text.optional(), text.list().uniqueElements().ofMaxSize(3),
                peer.list().ofMaxSize(2), text.list().uniqueElements().ofMaxSize(2), Arbitraries.longs().between(0, Long.MAX_VALUE).optional(),
                range.list().ofMaxSize(3))
                .filter((a, b, c, d, e, f, g, h) -> a != null || b != null)
                .as((a, b, c, d, e, f, g, h) -> new MagnetUri(new InfoHashes(a, b), c, d, e, f,
                        g.map(OptionalLong::of).orElse(OptionalLong.empty()), h));
    }

    @Property(tries = 500)
    void everyMagnetSurvivesToStringAndParse(@ForAll("magnets") MagnetUri m) {
        assertThat(MagnetUri.parse(m.toString())).isEqualTo(m);
    }

    @Test
    void peerAddressesPrintAsTheyParse() {
        assertThat(PeerAddress.parse("[::1]:80")).hasToString("[::1]:80");
        assertThat(PeerAddress.parse("example.org:6881").host()).isEqualTo("example.org");
        assertThat(new FileIndexRange(3, 3)).hasToString("3");
        assertThat(Optional.of(1)).isPresent();
    }
}
