package dev.spate.discovery.tracker.server;

import static dev.spate.discovery.tracker.wire.TestBytes.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.ErrorLogCheck;
import dev.spate.discovery.tracker.wire.PercentEncoding;
import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BencodeDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP tracker over a real socket: its replies, and its answers to bad requests. */
@ExtendWith(ErrorLogCheck.class)
class HttpTrackerServerTest {
    static final String HASH = PercentEncoding.encode("aaaaaaaaaaaaaaaaaaa\u00ff".getBytes(StandardCharsets.ISO_8859_1));
    static final String PEER = "-SP0100-000000000000";

    EmbeddedTracker tracker;

    @BeforeEach
    void start() throws IOException {
        tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(0).withInterval(Duration.ofSeconds(300)));
    }

    @AfterEach
    void stop() {
        tracker.close();
    }

    record Reply(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        BDict dict() {
            return (BDict) BencodeDecoder.strict().decode(body);
        }
    }

    /** Sends {@code request} as is and reads the whole reply (the server closes: Connection: close). */
    Reply raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tracker.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            byte[] bytes = all.toByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return new Reply(-1, bytes);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            return new Reply(status, Arrays.copyOfRange(bytes, headEnd + 4, bytes.length));
        }
    }

    Reply get(String target) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    Reply announce(String params) throws IOException {
        return get("/announce?info_hash=" + HASH + "&peer_id=" + PEER + "&uploaded=0&downloaded=0" + params);
    }

    static String failure(Reply r) {
        return ((BString) r.dict().get("failure reason")).asUtf8();
    }

    @Test
    void compactReply() throws IOException {
        announce("&port=6881&left=5");
        Reply r = announce("&port=6882&left=0&event=started");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(concat("d8:completei1e", "11:external ip4:", new byte[] {127, 0, 0, 1},
                "10:incompletei1e8:intervali300e12:min intervali10e5:peers6:", new byte[] {127, 0, 0, 1, 0x1a, (byte) 0xe1},
                "e"));
    }

    @Test
    void dictionaryReplyWithAndWithoutPeerIds() throws IOException {
        announce("&port=6881&left=5");
        BDict withIds = announce("&port=6882&left=5&compact=0").dict();
        BDict peer = (BDict) ((BList) withIds.get("peers")).get(0);
        assertThat(((BString) peer.get("ip")).asUtf8()).isEqualTo("127.0.0.1");
        assertThat(peer.get("port").toString()).isEqualTo("6881");
        assertThat(((BString) peer.get("peer id")).asUtf8()).isEqualTo(PEER);
        BDict withoutIds = announce("&port=6882&left=5&compact=0&no_peer_id=1").dict();
        assertThat(((BDict) ((BList) withoutIds.get("peers")).get(0)).containsKey("peer id")).isFalse();
    }

    @Test
    void badAnnouncesGetAFailureReason() throws IOException {
        assertThat(failure(get("/announce?peer_id=" + PEER + "&port=1&left=0"))).isEqualTo("missing info_hash");
        assertThat(failure(get("/announce?info_hash=abc&peer_id=" + PEER + "&port=1&left=0")))
                .isEqualTo("info_hash must be 20 bytes, not 3");
        assertThat(failure(get("/announce?info_hash=" + HASH + "&peer_id=short&port=1&left=0")))
                .isEqualTo("peer_id must be 20 bytes, not 5");
        assertThat(failure(announce("&left=0"))).isEqualTo("missing port");
        assertThat(failure(announce("&port=70000&left=0"))).isEqualTo("port must be 1 to 65535, not 70000");
        assertThat(failure(announce("&port=1&left=-1"))).isEqualTo("left must not be negative: -1");
        assertThat(failure(announce("&port=1&left=x"))).isEqualTo("left is not a number: x");
        assertThat(failure(announce("&port=1&left=0&numwant=lots"))).isEqualTo("numwant is not a number: lots");
        assertThat(failure(announce("&port=1&left=0&x=%G0"))).startsWith("malformed query: '%' at");
        assertThat(failure(announce("&port=1&left=0" + "&a=b".repeat(70)))).isEqualTo(
                "malformed query: more than 64 query parameters");
        assertThat(tracker.stats().swarms()).isZero();
        assertThat(tracker.stats().badRequests()).isEqualTo(10);
    }

    @Test
    void anAbsurdNumWantIsClamped() throws IOException {
        for (int port = 1; port <= 210; port++) {
            announce("&port=" + port + "&left=5&numwant=0");
        }
        byte[] peers = ((BString) announce("&port=999&left=5&numwant=99999999999999").dict().get("peers"))
                .toByteArray();
        assertThat(peers).hasSize(6 * 200);
    }

    @Test
    void scrape() throws IOException {
        announce("&port=6881&left=0");
        Reply r = get("/scrape?info_hash=" + HASH + "&info_hash=" + PercentEncoding.encode(new byte[20]));
        assertThat(r.body()).isEqualTo(concat("d5:filesd20:", new byte[20],
                "d8:completei0e10:downloadedi0e10:incompletei0ee20:aaaaaaaaaaaaaaaaaaa\u00ff",
                "d8:completei1e10:downloadedi0e10:incompletei0eeee"));
        assertThat(failure(get("/scrape"))).isEqualTo("a full scrape is not offered; name torrents with info_hash");
        assertThat(failure(get("/scrape?info_hash=x"))).isEqualTo("info_hash must be 20 bytes, not 1");
    }

    @Test
    void wrongPathsMethodsAndGarbage() throws IOException {
        Reply notFound = get("/favicon.ico");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(failure(notFound)).isEqualTo("no such path: /favicon.ico (try /announce or /scrape)");
        Reply post = raw("POST /announce HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        assertThat(post.status()).isEqualTo(405);
        assertThat(failure(post)).isEqualTo("only GET is served");
        Reply garbage = raw("\u0001\u0002 hello\r\n\r\n");
        assertThat(garbage.status()).isIn(400, -1);
        Reply huge = raw("GET /announce?" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(huge.status()).isIn(400, -1);
        assertThat(tracker.stats().swarms()).isZero();
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
        String one = "GET /announce?info_hash=" + HASH + "&peer_id=" + PEER + "&port=1&left=1 HTTP/1.1\r\nHost: x\r\n\r\n";
        Reply r = raw(one + one.replace("port=1", "port=2").replace("HTTP/1.1\r\n", "HTTP/1.1\r\nConnection: close\r\n"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("HTTP/1.1 200 OK").as("the second reply follows the first");
        assertThat(tracker.stats().announces()).isEqualTo(2);
    }
}
