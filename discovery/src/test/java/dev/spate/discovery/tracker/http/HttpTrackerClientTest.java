package dev.spate.discovery.tracker.http;

import static dev.spate.discovery.tracker.TestRequests.announce;
import static dev.spate.discovery.tracker.TestRequests.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spate.discovery.ErrorLogCheck;
import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.AnnounceResponse;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.discovery.tracker.Trackers;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP tracker client against a scripted HTTP server on 127.0.0.1: redirects, gzip, limits, errors. */
@ExtendWith(ErrorLogCheck.class)
class HttpTrackerClientTest {
    static final byte[] OK = "d8:intervali900e5:peers6:\u007f\u0000\u0000\u0001\u001a\u00e1e"
            .getBytes(StandardCharsets.ISO_8859_1);
    static NioEventLoopGroup group;

    HttpServer server;
    Trackers trackers;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void startGroup() {
        group = new NioEventLoopGroup(1);
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        trackers = Trackers.create(group, TrackerClientConfig.defaults().withHttpTimeout(Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() {
        release.countDown();
        trackers.close();
        server.stop(0);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        requests.add(ex.getRequestURI().getRawPath() + "?" + ex.getRequestURI().getRawQuery() + " "
                + ex.getRequestHeaders().getFirst("Accept-Encoding"));
        switch (path) {
            case "/announce" -> reply(ex, 200, OK);
            case "/moved/announce" -> {
                ex.getResponseHeaders().add("Location", "/announce?pk=1");
                reply(ex, 302, new byte[0]);
            }
            case "/loop/announce" -> {
                ex.getResponseHeaders().add("Location", "/loop/announce");
                reply(ex, 301, new byte[0]);
            }
            case "/gzip/announce" -> {
                ex.getResponseHeaders().add("Content-Encoding", "gzip");
                reply(ex, 200, gzip(OK));
            }
            case "/bomb/announce" -> {
                ex.getResponseHeaders().add("Content-Encoding", "gzip");
                reply(ex, 200, gzip(new byte[10 << 20]));
            }
            case "/big/announce" -> reply(ex, 200, new byte[3 << 20]);
            case "/error/announce" -> reply(ex, 502, "<html>Bad Gateway</html>".getBytes());
            case "/refuse/announce" -> reply(ex, 400, "d14:failure reason11:banned peere".getBytes());
            case "/slow/announce" -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
            }
            default -> reply(ex, 404, new byte[0]);
        }
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    AnnounceResponse announceTo(String path) throws Exception {
        CompletableFuture<AnnounceResponse> f = trackers.announce(url(path), announce(hash(1), 'a', 6881, 5,
                AnnounceEvent.STARTED));
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    void assertFails(String path, Kind kind, String detail) {
        assertThatThrownBy(() -> announceTo(path)).isInstanceOf(TrackerException.class)
                .hasMessage(url(path) + ": " + kind.label() + ": " + detail)
                .extracting(e -> ((TrackerException) e).kind()).isEqualTo(kind);
    }

    @Test
    void sendsTheAnnounceAndAsksForGzip() throws Exception {
        assertThat(announceTo("/announce").peers()).containsExactly(new InetSocketAddress("127.0.0.1", 6881));
        assertThat(requests).singleElement().asString()
                .startsWith("/announce?info_hash=" + dev.spate.discovery.tracker.wire.PercentEncoding.encode(
                        hash(1).wireId()) + "&peer_id=aaaaaaaaaaaaaaaaaaaa&port=6881&uploaded=0&downloaded=0&left=5"
                        + "&compact=1&event=started&numwant=50&key=00000061")
                .endsWith(" gzip");
    }

    @Test
    void followsRedirects() throws Exception {
        assertThat(announceTo("/moved/announce").interval()).isEqualTo(Duration.ofSeconds(900));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).startsWith("/announce?pk=1");
    }

    @Test
    void givesUpOnEndlessRedirects() {
        assertFails("/loop/announce", Kind.NETWORK, "more than 5 redirects");
        assertThat(requests).hasSize(6);
    }

    @Test
    void undoesGzip() throws Exception {
        assertThat(announceTo("/gzip/announce").peers()).hasSize(1);
    }

    @Test
    void capsTheReplySizeAfterDecompression() {
        assertFails("/big/announce", Kind.MALFORMED, "reply is larger than the limit of 2097152 bytes");
        assertFails("/bomb/announce", Kind.MALFORMED, "reply is larger than the limit of 2097152 bytes");
    }

    @Test
    void httpErrorsAndFailureReasons() {
        assertFails("/error/announce", Kind.NETWORK, "HTTP 502 Bad Gateway");
        assertFails("/refuse/announce", Kind.REJECTED, "banned peer");
        assertFails("/nothing/announce", Kind.NETWORK, "HTTP 404 Not Found");
    }

    @Test
    void timesOut() {
        assertFails("/slow/announce", Kind.TIMEOUT, "no complete reply within 500 ms");
    }

    @Test
    void anUnreachableTrackerIsANetworkError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + closedPort + "/announce");
        assertThatThrownBy(() -> trackers.announce(dead, announce(hash(1), 'a', 1, 0, AnnounceEvent.NONE))
                .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TrackerException.class)
                .cause().hasMessageStartingWith(dead + ": network error: cannot connect to 127.0.0.1:" + closedPort);
    }
}
