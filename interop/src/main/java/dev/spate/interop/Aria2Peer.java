package dev.spate.interop;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * aria2 ({@code aria2c}): no configuration file, DHT, local discovery and PEX off, bound to
 * 127.0.0.1, announcing every second; it seeds forever (a leecher too, once complete). Its state
 * comes from its JSON-RPC interface on a second loopback port. No uTP; it cannot be told to dial
 * a given peer, and it speaks UDP to trackers only through its DHT socket, so with DHT off it
 * needs an HTTP tracker.
 */
public final class Aria2Peer extends InstalledProgram {
    static final String ARIA2C = "/usr/bin/aria2c";

    Aria2Peer() {
        super("aria2", ARIA2C, "aria2", () -> Programs.version(List.of(ARIA2C, "--version")), TCP_ONLY,
                false);
    }

    /** aria2 speaks UDP to trackers through its DHT socket only, and DHT is off. */
    @Override
    public boolean announcesOverUdp() {
        return false;
    }

    @Override
    RunningPeer launch(Role role, Path torrent, Path dataDir, PeerOptions options)
            throws IOException, InterruptedException {
        int port = options.portOrFree();
        int rpcPort = LoopbackPorts.free();
        List<String> command = new ArrayList<>(List.of(ARIA2C, "--no-conf=true", "--enable-dht=false",
                "--enable-dht6=false", "--bt-enable-lpd=false", "--enable-peer-exchange=false",
                "--interface=127.0.0.1", "--listen-port=" + port, "--disable-ipv6=true", "--bt-tracker-interval=1",
                "--seed-ratio=0.0", "--summary-interval=1", "--console-log-level=notice",
                "--enable-rpc=true", "--rpc-listen-all=false", "--rpc-listen-port=" + rpcPort,
                "--dir=" + dataDir, "--check-integrity=" + (role == Role.SEEDER)));
        if (options.encryption() == Encryption.REQUIRE) {
            command.addAll(List.of("--bt-require-crypto=true", "--bt-min-crypto-level=arc4"));
        }
        command.add(torrent.toString());
        Files.createDirectories(dataDir);
        Peer peer = new Peer(displayName(role), ExternalProcess.start(fileName(role), options.workDir(), command), port,
                URI.create("http://127.0.0.1:" + rpcPort + "/jsonrpc"));
        peer.awaitListening(options.startTimeout());
        if (role == Role.SEEDER) {
            peer.awaitStart("check its data and seed", options.startTimeout(), peer::isComplete);
        }
        return peer;
    }

    /** Asks aria2 over JSON-RPC how its one download fares. */
    private static final class Peer extends ProcessPeer {
        private static final byte[] TELL_ACTIVE = ("{\"jsonrpc\":\"2.0\",\"id\":\"spate\",\"method\":\"aria2.tellActive\","
                + "\"params\":[[\"completedLength\",\"totalLength\",\"status\",\"seeder\",\"numSeeders\","
                + "\"connections\"]]}").getBytes(StandardCharsets.UTF_8);
        private final URI rpc;

        Peer(String name, ExternalProcess process, int port, URI rpc) {
            super(name, process, port);
            this.rpc = rpc;
        }

        /** The torrent's download as aria2.tellActive lists it, once aria2 has one. */
        @SuppressWarnings("unchecked")
        private Optional<Map<String, Object>> download() {
            return LoopbackHttp.post(rpc, "application/json", TELL_ACTIVE).flatMap(body -> {
                Object result = Json.object(body).get("result");
                if (result instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                    return Optional.of((Map<String, Object>) list.get(0));
                }
                return Optional.empty();
            });
        }

        @Override
        public boolean isComplete() {
            return download().map(d -> "true".equals(d.get("seeder"))
                    && Json.number(d, "totalLength", -1) == Json.number(d, "completedLength", -2)).orElse(false);
        }

        @Override
        public OptionalDouble progress() {
            return download().map(d -> {
                double total = Json.number(d, "totalLength", 0);
                return total > 0 ? OptionalDouble.of(Json.number(d, "completedLength", 0) / total)
                        : OptionalDouble.empty();
            }).orElse(OptionalDouble.empty());
        }

        @Override
        String status() {
            return download().map(Object::toString).orElse("");
        }
    }
}
