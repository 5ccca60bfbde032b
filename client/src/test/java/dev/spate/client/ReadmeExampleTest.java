package dev.spate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library example in README.md, compiled from the README itself and run against a local seeder. */
class ReadmeExampleTest {
    @TempDir
    Path tmp;

    @Test
    void theReadmeLibraryExampleCompilesAndDownloads() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("## Library\\s+```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a java block under '## Library'").isTrue();
        String source = m.group(1);
        assertThat(source.lines().filter(l -> l.startsWith("        ") && !l.isBlank()).count())
                .as("the happy path is about six lines").isLessThanOrEqualTo(6);

        Path src = tmp.resolve("src/Fetch.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), src.toString());
        assertThat(rc).as("javac: " + errors.toString(StandardCharsets.UTF_8)).isZero();

        try (EmbeddedTracker tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(0)
                .withBindAddress(InetAddress.getLoopbackAddress()).withInterval(Duration.ofSeconds(1)));
                TorrentClient seeder = TorrentClient.create(ClientConfig.loopback())) {
            Path seedDir = tmp.resolve("seed");
            Payloads.write(seedDir.resolve("movie.bin"), 1_500_000, 21);
            Metainfo torrent = TorrentBuilder.of(seedDir.resolve("movie.bin")).pieceLength(32 * 1024)
                    .tracker(tracker.httpAnnounceUri().toString()).build();
            Path torrentFile = tmp.resolve("movie.torrent");
            Files.write(torrentFile, torrent.toTorrentBytes());
            seeder.add(torrent, seedDir).completion().get(30, TimeUnit.SECONDS);

            Path downloads = tmp.resolve("downloads");
            // ClientConfig.defaults() keeps its session under the user's data directory: here, a temporary one.
            System.setProperty("spate.data.dir", tmp.resolve("data").toString());
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    getClass().getClassLoader())) {
                var main = loader.loadClass("Fetch").getMethod("main", String[].class);
                CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                    try {
                        main.invoke(null, (Object) new String[] {torrentFile.toString(), downloads.toString()});
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                });
                run.get(60, TimeUnit.SECONDS);
            } finally {
                System.clearProperty("spate.data.dir");
            }
            Payloads.assertSameTree(seedDir, downloads);
        }
        assertThat(List.of(tmp.resolve("downloads/movie.bin"), tmp.resolve("data/session.db")))
                .allMatch(Files::exists);
    }
}
