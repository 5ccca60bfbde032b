package dev.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.tracker.AnnounceEvent;
import dev.spate.discovery.tracker.AnnounceRequest;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.discovery.tracker.Trackers;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class TrackerCommandTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false);

    @Test
    void printsBothAnnounceUrlsServesAnnouncesAndStopsWhenInterrupted() throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread command = new Thread(() -> exit.complete(Main.run(new String[] {"tracker", "--port", "0",
                "--interval", "60"}, console)), "spate-tracker-test");
        command.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // The URLs go to stdout first, then the listening line to stderr: wait for both.
        while (out.toString(StandardCharsets.UTF_8).lines().count() < 2
                || !err.toString(StandardCharsets.UTF_8).contains("listening")) {
            assertThat(System.nanoTime() - deadline).as("the URLs within 10 s; stderr: " + err).isNegative();
            assertThat(exit).as("still running; stderr: " + err).isNotDone();
            LockSupport.parkNanos(5_000_000);
        }
        List<String> urls = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(urls.get(0)).matches("http://127\\.0\\.0\\.1:\\d+/announce");
        URI udp = URI.create(urls.get(1));
        assertThat(udp.getScheme()).isEqualTo("udp");
        assertThat(udp.getPort()).isEqualTo(URI.create(urls.get(0)).getPort());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("interval 60 s");

        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try (Trackers trackers = Trackers.create(group, TrackerClientConfig.defaults())) {
            byte[] peerId = new byte[20];
            Arrays.fill(peerId, (byte) 'p');
            AnnounceRequest request = new AnnounceRequest(InfoHash.of(new byte[20]), peerId, 6881, 0, 0, 1,
                    AnnounceEvent.STARTED, 10, 1, Optional.empty());
            for (String url : urls) {
                assertThat(trackers.announce(URI.create(url), request).get(10, TimeUnit.SECONDS).interval())
                        .hasSeconds(60);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }

        command.interrupt();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stopped after 2 announces");
        try (ServerSocket again = new ServerSocket(udp.getPort(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(udp.getPort());
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(Main.run(new String[] {"tracker", "--port", "70000"}, console)).isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(new String[] {"tracker", "--interval", "0"}, console)).isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(new String[] {"tracker", "--interval", "soon"}, console)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("spate: --port must be a number from 0 to 65535, not '70000'")
                .contains("spate: --interval must be a number from 1 to 2147483647, not 'soon'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aPortInUseIsReportedPlainly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = Main.run(new String[] {"tracker", "--port", Integer.toString(taken.getLocalPort())}, console);
            assertThat(code).isEqualTo(ExitCode.UNEXPECTED);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("spate: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": ");
        }
    }

    @Test
    void isListedInHelp() {
        assertThat(Main.run(new String[] {"--help"}, console)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tracker    runs a tracker");
    }
}
