package dev.spate.discovery.tracker.http;

import static dev.spate.discovery.tracker.wire.TestBytes.concat;
import static dev.spate.discovery.tracker.wire.TestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.AnnounceRequest;
import dev.spate.discovery.tracker.AnnounceResponse;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.metainfo.InfoHash;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The HTTP announce against URLs and bencoded replies written out by hand from BEP 3, 7, 23 and 24. */
class HttpAnnounceCodecTest {
    static final URI TRACKER = URI.create("http://tracker.test:8080/announce");
    static final InfoHash HASH = InfoHash.of(hex("123456789abcdef123456789abcdef123456789a"));

    static AnnounceRequest request(AnnounceEvent event, int numWant, Optional<String> trackerId) {
        return new AnnounceRequest(HASH, "-SP0100-abc def/ghi~".getBytes(), 6881, 1, 2, 3, event, numWant,
                0x1234abcd, trackerId);
    }

    @Test
    void announceUrlCarriesEveryParameter() {
        assertThat(HttpAnnounceCodec.announceUrl(TRACKER, request(AnnounceEvent.STARTED, 30, Optional.of("t 1"))))
                .hasToString("http://tracker.test:8080/announce"
                        + "?info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A"
                        + "&peer_id=-SP0100-abc%20def%2Fghi~"
                        + "&port=6881&uploaded=1&downloaded=2&left=3&compact=1&event=started&numwant=30"
                        + "&key=1234ABCD&trackerid=t%201");
    }

    @Test
    void announceUrlKeepsTheTrackersQueryAndLeavesOutDefaults() {
        URI withPasskey = URI.create("https://t.test/a/announce.php?pk=s%20e#frag");
        assertThat(HttpAnnounceCodec.announceUrl(withPasskey, request(AnnounceEvent.NONE, -1, Optional.empty())))
                .hasToString("https://t.test/a/announce.php?pk=s%20e"
                        + "&info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A"
                        + "&peer_id=-SP0100-abc%20def%2Fghi~"
                        + "&port=6881&uploaded=1&downloaded=2&left=3&compact=1&key=1234ABCD");
    }

    @Test
    void compactReplyWithEveryOptionalField() throws Exception {
        byte[] body = concat("d8:completei5e",
                "11:external ip4:", hex("c0000207"),
                "10:incompletei3e8:intervali1800e12:min intervali60e",
                "5:peers12:", hex("7f000001 1ae1 0a000002 1ae2"),
                "6:peers618:", hex("00000000000000000000000000000001 1ae3"),
                "10:tracker id3:xyz15:warning message5:helloe");
        AnnounceResponse r = HttpAnnounceCodec.parse(TRACKER, body);
        assertThat(r.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(r.minInterval()).contains(Duration.ofMinutes(1));
        assertThat(r.peers()).containsExactly(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 6881),
                new InetSocketAddress(InetAddress.getByName("10.0.0.2"), 6882),
                new InetSocketAddress(InetAddress.getByName("::1"), 6883));
        assertThat(r.seeders()).hasValue(5);
        assertThat(r.leechers()).hasValue(3);
        assertThat(r.warning()).contains("hello");
        assertThat(r.trackerId()).contains("xyz");
        assertThat(r.externalIp()).contains(InetAddress.getByName("192.0.2.7"));
    }

    @Test
    void dictionaryPeerListsAreUnderstood() throws Exception {
        byte[] body = concat("d8:intervali900e5:peersl",
                "d2:ip9:127.0.0.17:peer id20:-XX0000-000000000000", "4:porti6881ee",
                "d2:ip3:::14:porti6882ee",
                "d2:ip12:example.test4:porti1ee",
                "ee");
        AnnounceResponse r = HttpAnnounceCodec.parse(TRACKER, body);
        assertThat(r.interval()).isEqualTo(Duration.ofSeconds(900));
        assertThat(r.minInterval()).isEmpty();
        assertThat(r.seeders()).isEmpty();
        assertThat(r.peers()).containsExactly(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 6881),
                new InetSocketAddress(InetAddress.getByName("::1"), 6882),
                InetSocketAddress.createUnresolved("example.test", 1));
    }

    @Test
    void aMissingIntervalMeansHalfAnHourAndMissingPeersNone() throws Exception {
        AnnounceResponse r = HttpAnnounceCodec.parse(TRACKER, concat("de"));
        assertThat(r.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(r.peers()).isEmpty();
    }

    @Test
    void aTrailingLineBreakIsForgiven() throws Exception {
        assertThat(HttpAnnounceCodec.parse(TRACKER, concat("d8:intervali60ee\r\n")).interval())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void failureReasonRejectsTheAnnounce() {
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("d14:failure reason17:torrent not founde")),
                Kind.REJECTED, "http://tracker.test:8080/announce: tracker refused: torrent not found");
    }

    @Test
    void malformedRepliesNameWhatIsWrong() {
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("<html>Bad Gateway</html>")), Kind.MALFORMED,
                "not bencoded");
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("<html>Bad Gateway</html>")), Kind.MALFORMED,
                "it starts with \"<html>Bad Gateway</html>\"");
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("li1ee")), Kind.MALFORMED,
                "reply should be a dictionary, not a list");
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("d8:interval2:10e")), Kind.MALFORMED,
                "'interval' should be an integer, not a string");
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("d8:intervali0ee")), Kind.MALFORMED,
                "'interval' is 0 s");
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("d5:peers7:", hex("7f000001 1ae1 00"), "e")),
                Kind.MALFORMED, "'peers' has 7 bytes, not a multiple of 6");
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("d6:peers65:abcdee")), Kind.MALFORMED,
                "'peers6' has 5 bytes, not a multiple of 18");
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("d5:peersld4:porti1eeee")), Kind.MALFORMED,
                "'peers[0]' has no 'ip'");
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("d5:peersld2:ip1:x4:porti70000eeee")),
                Kind.MALFORMED, "'peers[0].port' is 70000");
        assertFails(() -> HttpAnnounceCodec.parse(TRACKER, concat("d5:peersi3ee")), Kind.MALFORMED,
                "'peers' should be a string or list, not an integer");
    }

    static void assertFails(ThrowingCallable call, Kind kind, String messagePart) {
        assertThatThrownBy(call).isInstanceOf(TrackerException.class).hasMessageContaining(messagePart)
                .hasMessageStartingWith("http://tracker.test:8080/")
                .extracting(e -> ((TrackerException) e).kind()).isEqualTo(kind);
    }
}
