package dev.spate.interop;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's opentracker on 127.0.0.1, HTTP and UDP on one port number. Debian builds it with a
 * whitelist: it serves only the info hashes listed in a file, which it reads after dropping root
 * for 'nobody' (so the file is put in a world-readable temporary folder), in a thread of its own after
 * it starts listening: {@link #start} returns once a probe announce for a listed torrent is
 * accepted. Its announce interval is long (about half an hour), so a client that announced before
 * a peer arrived will not hear of it: start seeders first.
 */
public final class Opentracker implements AutoCloseable {
    static final String OPENTRACKER = "/usr/bin/opentracker";
    private static final Pattern COMPLETE = Pattern.compile("8:completei(\\d+)e");
    private static final Pattern INCOMPLETE = Pattern.compile("10:incompletei(\\d+)e");
    private static final Memo<Optional<String>> VERSION = Memo.of(() -> Programs.output(
            List.of("dpkg-query", "-W", "-f=${Version}", "opentracker")).map(String::strip));

    private final ExternalProcess process;
    private final int port;
    private final Path whitelist;

    private Opentracker(ExternalProcess process, int port, Path whitelist) {
        this.process = process;
        this.port = port;
        this.whitelist = whitelist;
    }

    public static boolean installed() {
        return Programs.executable(OPENTRACKER);
    }

    public static String requirement() {
        return OPENTRACKER + " (Debian package opentracker)";
    }

    /** The Debian package's version (opentracker reports none itself). */
    public static Optional<String> version() {
        return VERSION.get();
    }

    /**
     * Starts opentracker on 127.0.0.1:{@code port} (TCP and UDP) serving the torrents whose v1
     * info hashes (40 hex digits) are given; returns once it accepts announces for them.
     */
    public static Opentracker start(Path workDir, int port, Collection<String> infoHashes, Duration timeout)
            throws IOException, InterruptedException {
        if (infoHashes.isEmpty()) {
            throw new IllegalArgumentException("opentracker serves only listed torrents: give at least one");
        }
        // In a folder of its own under the system's temporary folder: 'nobody' must reach it, and
        // may not reach into the caller's (often private) work folder.
        Path shared = Files.createTempDirectory("spate-opentracker", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path whitelist = shared.resolve("whitelist");
        Files.writeString(whitelist, String.join("\n", infoHashes) + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(whitelist, PosixFilePermissions.fromString("rw-r--r--"));
        ExternalProcess process = ExternalProcess.start("opentracker", workDir, List.of(OPENTRACKER,
                "-i", "127.0.0.1", "-p", Integer.toString(port), "-P", Integer.toString(port),
                "-w", whitelist.toString(), "-A", "127.0.0.1"));
        Opentracker tracker = new Opentracker(process, port, whitelist);
        String probe = infoHashes.iterator().next();
        boolean ready = Poll.until(timeout, () -> !process.isAlive() || tracker.accepts(probe));
        if (!ready || !process.isAlive()) {
            String tail = process.tail();
            tracker.close();
            throw new IOException("opentracker did not accept announces within " + timeout.toSeconds() + " s: "
                    + tail);
        }
        LoopbackHttp.get(tracker.announceQuery(probe, "stopped"));
        return tracker;
    }

    public int port() {
        return port;
    }

    public URI httpAnnounceUri() {
        return URI.create("http://127.0.0.1:" + port + "/announce");
    }

    public URI udpAnnounceUri() {
        return URI.create("udp://127.0.0.1:" + port + "/announce");
    }

    /** Seeders the tracker counts for a torrent (an HTTP scrape), or -1 if it does not answer. */
    public int seeders(String infoHash) {
        return scrapeCount(infoHash, COMPLETE);
    }

    /** Leechers the tracker counts for a torrent, or -1 if it does not answer. */
    public int leechers(String infoHash) {
        return scrapeCount(infoHash, INCOMPLETE);
    }

    private int scrapeCount(String infoHash, Pattern field) {
        URI scrape = URI.create("http://127.0.0.1:" + port + "/scrape?info_hash=" + percentEncoded(infoHash));
        return LoopbackHttp.get(scrape).map(body -> {
            Matcher m = field.matcher(body);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }).orElse(-1);
    }

    /** A probe peer (port 1) announces; true once the tracker answers without a failure. */
    private boolean accepts(String infoHash) {
        return LoopbackHttp.get(announceQuery(infoHash, "started")).map(body -> !body.contains("failure reason"))
                .orElse(false);
    }

    private URI announceQuery(String infoHash, String event) {
        return URI.create(httpAnnounceUri() + "?info_hash=" + percentEncoded(infoHash)
                + "&peer_id=-ZZ0000-spateprobe00&port=1&uploaded=0&downloaded=0&left=1&compact=1&event=" + event);
    }

    private static String percentEncoded(String hex) {
        StringBuilder sb = new StringBuilder();
        for (byte b : HexFormat.of().parseHex(hex)) {
            sb.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return sb.toString();
    }

    public String describe() {
        return process.tail();
    }

    /** Stops opentracker by its PID and deletes its whitelist. */
    @Override
    public void close() {
        process.close();
        try {
            Files.deleteIfExists(whitelist);
            Files.deleteIfExists(whitelist.getParent());
        } catch (IOException e) {
            // A leftover file in the temporary folder; nothing to do about it here.
        }
    }
}
