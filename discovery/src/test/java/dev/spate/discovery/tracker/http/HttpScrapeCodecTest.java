package dev.spate.discovery.tracker.http;

import static dev.spate.discovery.tracker.http.HttpAnnounceCodecTest.assertFails;
import static dev.spate.discovery.tracker.wire.TestBytes.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.tracker.ScrapeResponse;
import dev.spate.discovery.tracker.ScrapeStats;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.metainfo.InfoHash;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpScrapeCodecTest {
    static final InfoHash X = InfoHash.of("xxxxxxxxxxxxxxxxxxxx".getBytes());
    static final InfoHash Y = InfoHash.of("yyyyyyyyyyyyyyyyyyyy".getBytes());
    static final InfoHash Z = InfoHash.of("zzzzzzzzzzzzzzzzzzzz".getBytes());

    @Test
    void scrapeUrlReplacesAnnounceInTheLastPathSegment() throws Exception {
        assertThat(HttpScrapeCodec.scrapeUrl(URI.create("http://t.test/announce"), List.of(X, Y)))
                .hasToString("http://t.test/scrape?info_hash=xxxxxxxxxxxxxxxxxxxx&info_hash=yyyyyyyyyyyyyyyyyyyy");
        assertThat(HttpScrapeCodec.scrapeUrl(URI.create("http://t.test:81/x/announce.php?pk=1"), List.of(X)))
                .hasToString("http://t.test:81/x/scrape.php?pk=1&info_hash=xxxxxxxxxxxxxxxxxxxx");
    }

    @Test
    void aTrackerWhosePathDoesNotEndInAnnounceCannotBeScraped() {
        URI tracker = URI.create("http://tracker.test:8080/a");
        assertFails(() -> HttpScrapeCodec.scrapeUrl(tracker, List.of(X)), Kind.UNSUPPORTED, "no scrape URL");
        URI middle = URI.create("http://tracker.test:8080/announce/x");
        assertFails(() -> HttpScrapeCodec.scrapeUrl(middle, List.of(X)), Kind.UNSUPPORTED, "no scrape URL");
    }

    @Test
    void parsesTheExampleOfBep48() throws Exception {
        // BEP 48's example, with the two 'e's it lacks (after x's counts, and at the very end) put back.
        byte[] body = concat("d5:filesd20:xxxxxxxxxxxxxxxxxxxxd8:completei11e10:downloadedi13772e10:incompletei19e",
                "e20:yyyyyyyyyyyyyyyyyyyyd8:completei21e10:downloadedi206e10:incompletei20eeee");
        ScrapeResponse r = HttpScrapeCodec.parse(URI.create("http://tracker.test:8080/announce"), body,
                List.of(X, Y, Z));
        assertThat(r.files()).containsOnly(
                org.assertj.core.api.Assertions.entry(X, new ScrapeStats(11, 13772, 19)),
                org.assertj.core.api.Assertions.entry(Y, new ScrapeStats(21, 206, 20)));
    }

    @Test
    void badScrapeReplies() {
        URI t = URI.create("http://tracker.test:8080/announce");
        assertFails(() -> HttpScrapeCodec.parse(t, concat("de"), List.of(X)), Kind.MALFORMED, "no 'files'");
        assertFails(() -> HttpScrapeCodec.parse(t, concat("d5:filesd20:xxxxxxxxxxxxxxxxxxxxi1eee"), List.of(X)),
                Kind.MALFORMED, "should be a dictionary, not an integer");
        assertFails(() -> HttpScrapeCodec.parse(t, concat("d14:failure reason4:nopee"), List.of(X)), Kind.REJECTED,
                "nope");
    }
}
