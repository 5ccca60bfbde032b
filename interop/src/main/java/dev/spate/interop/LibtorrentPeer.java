package dev.spate.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * libtorrent-rasterbar through its Python binding (Debian's python3-libtorrent): the script
 * {@code lt_peer.py}, shipped as a resource next to this class, run by {@code /usr/bin/python3}
 * (libtorrent imports only there). It re-announces every second, so a seeder hears of new
 * leechers at once, and keeps a leecher running as a seeder once it completes.
 */
public final class LibtorrentPeer extends InstalledProgram {
    static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "lt_peer.py";
    private static final Memo<Path> EXTRACTED = Memo.of(LibtorrentPeer::extractScript);

    LibtorrentPeer() {
        super("libtorrent", PYTHON, "python3-libtorrent", () -> Programs.output(
                List.of(PYTHON, "-c", "import libtorrent; print(libtorrent.__version__)")).map(String::strip),
                ANY, true);
    }

    /** Debian's python3 is there and imports libtorrent. */
    @Override
    public boolean installed() {
        return super.installed() && probedVersion().isPresent();
    }

    @Override
    public String requirement() {
        return PYTHON + " that can import libtorrent (Debian package python3-libtorrent)";
    }

    /** Where the peer script is on disk (extracted from the jar to a temporary file on first use). */
    public static Path script() {
        return EXTRACTED.get();
    }

    @Override
    RunningPeer launch(Role role, Path torrent, Path dataDir, PeerOptions options)
            throws IOException, InterruptedException {
        int port = options.portOrFree();
        List<String> command = new ArrayList<>(List.of(PYTHON, script().toString(), "--torrent", torrent.toString(),
                "--save", dataDir.toString(), "--port", Integer.toString(port),
                "--encryption", options.encryption().name().toLowerCase(Locale.ROOT),
                "--transport", options.transport().name().toLowerCase(Locale.ROOT)));
        command.add(role == Role.SEEDER ? "--seed" : "--keep-seeding");
        options.peers().forEach(p -> command.addAll(List.of("--peer", p.getHostString() + ":" + p.getPort())));
        Files.createDirectories(dataDir);
        Peer peer = new Peer(displayName(role), ExternalProcess.start(fileName(role), options.workDir(), command),
                port, role);
        peer.awaitStart(role == Role.SEEDER ? "check its data and seed" : "listen", options.startTimeout(),
                () -> peer.listening() && (role == Role.LEECHER || peer.isComplete()));
        return peer;
    }

    private static Path extractScript() {
        try (InputStream in = LibtorrentPeer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath beside "
                        + LibtorrentPeer.class.getName());
            }
            Path file = Files.createTempFile("spate-lt_peer", ".py");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + SCRIPT, e);
        }
    }

    /** Reads the script's JSON lines from its log. */
    private static final class Peer extends ProcessPeer {
        private final Role role;

        Peer(String name, ExternalProcess process, int port, Role role) {
            super(name, process, port);
            this.role = role;
        }

        private List<Map<String, Object>> events() {
            List<Map<String, Object>> events = new ArrayList<>();
            for (String line : process.output().split("\n")) {
                if (line.startsWith("{") && line.endsWith("}")) {
                    events.add(Json.object(line));
                }
            }
            return events;
        }

        private Optional<Map<String, Object>> last(String event) {
            List<Map<String, Object>> events = events();
            for (int i = events.size() - 1; i >= 0; i--) {
                if (event.equals(events.get(i).get("event"))) {
                    return Optional.of(events.get(i));
                }
            }
            return Optional.empty();
        }

        boolean listening() {
            return last("listening").map(e -> Json.number(e, "port", 0) > 0).orElse(false);
        }

        @Override
        public boolean isComplete() {
            if (role == Role.LEECHER) {
                return last("finished").isPresent();
            }
            return last("progress").map(e -> "seeding".equals(e.get("state"))).orElse(false);
        }

        @Override
        public OptionalDouble progress() {
            return last("progress").map(e -> OptionalDouble.of(Json.number(e, "progress", 0)))
                    .orElse(OptionalDouble.empty());
        }
    }
}
