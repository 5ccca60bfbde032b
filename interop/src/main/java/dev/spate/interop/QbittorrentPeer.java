package dev.spate.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * qBittorrent ({@code qbittorrent-nox}, libtorrent-rasterbar inside) with a profile folder of its
 * own: {@code qBittorrent.conf} accepts the legal notice, turns DHT, local discovery, PeX and UPnP
 * off, binds to {@code lo}, allows several connections per IP, and opens the Web UI on 127.0.0.1
 * without authentication for local clients. The torrent is given on the command line; its state,
 * and peers to connect to, go through the Web API.
 */
public final class QbittorrentPeer extends InstalledProgram {
    static final String QBITTORRENT = "/usr/bin/qbittorrent-nox";
    private static final Set<String> SEEDING_STATES = Set.of("uploading", "stalledUP", "queuedUP", "forcedUP");

    QbittorrentPeer() {
        super("qBittorrent", QBITTORRENT, "qbittorrent-nox", () -> Programs.version(List.of(QBITTORRENT,
                "--version")), ANY, true);
    }

    @Override
    RunningPeer launch(Role role, Path torrent, Path dataDir, PeerOptions options)
            throws IOException, InterruptedException {
        int port = options.portOrFree();
        int webPort = LoopbackPorts.free();
        String fileName = fileName(role);
        Path profile = options.workDir().resolve(fileName + "-profile");
        Path config = Files.createDirectories(profile.resolve("qBittorrent").resolve("config"));
        Files.writeString(config.resolve("qBittorrent.conf"), conf(port, webPort, dataDir, options),
                StandardCharsets.UTF_8);
        Files.createDirectories(dataDir);
        List<String> command = List.of(QBITTORRENT, "--profile=" + profile, "--save-path=" + dataDir,
                "--add-paused=false", "--skip-dialog=true", torrent.toString());
        Peer peer = new Peer(displayName(role), ExternalProcess.start(fileName, options.workDir(), command), port,
                URI.create("http://127.0.0.1:" + webPort + "/api/v2/"));
        peer.awaitStart("list the torrent in its Web API", options.startTimeout(), () -> peer.torrent().isPresent());
        peer.awaitListening(options.startTimeout());
        if (role == Role.SEEDER) {
            peer.awaitStart("check its data and seed", options.startTimeout(), peer::isComplete);
        }
        for (InetSocketAddress p : options.peers()) {
            peer.addPeer(p);
        }
        return peer;
    }

    private static String conf(int port, int webPort, Path dataDir, PeerOptions options) {
        String encryption = options.encryption() == Encryption.PREFER ? "0"
                : options.encryption() == Encryption.REQUIRE ? "1" : "2";
        String protocol = options.transport() == PeerTransport.TCP ? "TCP"
                : options.transport() == PeerTransport.UTP ? "UTP" : "Both";
        return String.join("\n",
                "[LegalNotice]",
                "Accepted=true",
                "",
                "[BitTorrent]",
                "Session\\DHTEnabled=false",
                "Session\\LSDEnabled=false",
                "Session\\PeXEnabled=false",
                "Session\\Interface=lo",
                "Session\\InterfaceName=lo",
                "Session\\InterfaceAddress=127.0.0.1",
                "Session\\Port=" + port,
                "Session\\MultiConnectionsPerIp=true",
                "Session\\BTProtocol=" + protocol,
                "Session\\Encryption=" + encryption,
                "Session\\QueueingSystemEnabled=false",
                "Session\\DefaultSavePath=" + dataDir,
                "Session\\TempPathEnabled=false",
                "Session\\AddTorrentPaused=false",
                "Session\\RefreshInterval=250", // ms between updates of what the Web API reports
                "",
                "[Network]",
                "PortForwardingEnabled=false",
                "",
                "[Preferences]",
                "Connection\\UPnP=false",
                "WebUI\\Enabled=true",
                "WebUI\\Address=127.0.0.1",
                "WebUI\\Port=" + webPort,
                "WebUI\\LocalHostAuth=false",
                "WebUI\\CSRFProtection=false",
                "WebUI\\HostHeaderValidation=false",
                "");
    }

    /** Asks the Web API about the one torrent this qBittorrent has. */
    private static final class Peer extends ProcessPeer {
        private final URI api;

        Peer(String name, ExternalProcess process, int port, URI api) {
            super(name, process, port);
            this.api = api;
        }

        @SuppressWarnings("unchecked")
        Optional<Map<String, Object>> torrent() {
            return LoopbackHttp.get(api.resolve("torrents/info")).flatMap(body -> {
                Object list = Json.parse(body);
                if (list instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
                    return Optional.of((Map<String, Object>) l.get(0));
                }
                return Optional.empty();
            });
        }

        void addPeer(InetSocketAddress address) throws IOException {
            String hash = torrent().map(t -> (String) t.get("hash")).orElseThrow();
            String form = "hashes=" + hash + "&peers=" + URLEncoder.encode(address.getHostString() + ":"
                    + address.getPort(), StandardCharsets.UTF_8);
            if (LoopbackHttp.post(api.resolve("torrents/addPeers"), "application/x-www-form-urlencoded",
                    form.getBytes(StandardCharsets.UTF_8)).isEmpty()) {
                throw new IOException(name() + " refused to add peer " + address + ": " + describe());
            }
        }

        @Override
        public boolean isComplete() {
            return torrent().map(t -> Json.number(t, "progress", 0) == 1 && SEEDING_STATES.contains(t.get("state")))
                    .orElse(false);
        }

        @Override
        public OptionalDouble progress() {
            return torrent().map(t -> OptionalDouble.of(Json.number(t, "progress", 0)))
                    .orElse(OptionalDouble.empty());
        }

        @Override
        String status() {
            return torrent().map(t -> t.entrySet().stream()
                    .filter(e -> Set.of("state", "progress", "num_seeds", "num_leechs", "downloaded", "uploaded")
                            .contains(e.getKey()))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))).orElse("");
        }
    }
}
