package dev.spate.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rtorrent (libtorrent 0.13 by rakshasa, not libtorrent-rasterbar) as a daemon, set up by an rc
 * file of its own: DHT and PEX off, bound to 127.0.0.1, XML-RPC over SCGI on a loopback port for
 * its state, and an {@code event.download.finished} handler that touches a file. No uTP; it
 * cannot be told to dial a given peer. It hashes the whole download once more when it completes.
 * Of the peers a tracker lists on one IP address it dials one (seen on 127.0.0.1 with
 * opentracker, which lists the announcer too: rtorrent dialed itself and no one else).
 */
public final class RtorrentPeer extends InstalledProgram {
    static final String RTORRENT = "/usr/bin/rtorrent";
    private static final Pattern VERSION = Pattern.compile("version (\\d+(\\.\\d+)+)");

    RtorrentPeer() {
        super("rtorrent", RTORRENT, "rtorrent", () -> Programs.output(List.of(RTORRENT, "-h"))
                .flatMap(RtorrentPeer::versionIn), TCP_ONLY, false);
    }

    /** It keeps one listed peer per IP address: on 127.0.0.1 that may be itself. */
    @Override
    public boolean dialsLoopback() {
        return false;
    }

    @Override
    RunningPeer launch(Role role, Path torrent, Path dataDir, PeerOptions options)
            throws IOException, InterruptedException {
        int port = options.portOrFree();
        int scgiPort = LoopbackPorts.free();
        String fileName = fileName(role);
        Path session = Files.createDirectories(options.workDir().resolve(fileName + "-session"));
        Path done = options.workDir().resolve(fileName + ".done");
        Path rc = options.workDir().resolve(fileName + ".rc");
        Path events = options.workDir().resolve(fileName + "-events.log");
        Files.writeString(rc, rc(port, scgiPort, torrent, dataDir, session, done, events, options.encryption()),
                StandardCharsets.UTF_8);
        Files.createDirectories(dataDir);
        List<String> command = List.of(RTORRENT, "-n", "-o", "import=" + rc);
        Peer peer = new Peer(displayName(role), ExternalProcess.start(fileName, options.workDir(), command), port,
                new ScgiXmlRpc(scgiPort), done, events);
        peer.awaitStart("list the torrent over XML-RPC", options.startTimeout(), () -> peer.bytes().length > 0);
        peer.awaitListening(options.startTimeout());
        if (role == Role.SEEDER) {
            peer.awaitStart("check its data and seed", options.startTimeout(), peer::isComplete);
        }
        return peer;
    }

    private static String rc(int port, int scgiPort, Path torrent, Path dataDir, Path session, Path done, Path log,
            Encryption encryption) {
        String crypto = encryption == Encryption.PLAIN ? "none"
                : encryption == Encryption.PREFER ? "allow_incoming,try_outgoing,enable_retry"
                : "allow_incoming,try_outgoing,require,require_RC4";
        return String.join("\n",
                "directory.default.set = \"" + dataDir + "\"",
                "session.path.set = \"" + session + "\"",
                "network.port_range.set = " + port + "-" + port,
                "network.port_random.set = no",
                "network.bind_address.set = 127.0.0.1",
                "network.local_address.set = 127.0.0.1",
                "network.scgi.open_port = 127.0.0.1:" + scgiPort,
                "dht.mode.set = disable",
                "protocol.pex.set = no",
                "protocol.encryption.set = " + crypto,
                "system.daemon.set = true",
                "method.set_key = event.download.finished, spate_done, \"execute.nothrow=touch," + done + "\"",
                "log.open_file = events, \"" + log + "\"",
                "log.add_output = info, events",
                "load.start = \"" + torrent + "\"",
                "");
    }

    /** "Rakshasa's BitTorrent client version 0.9.8." gives "0.9.8". */
    private static Optional<String> versionIn(String text) {
        Matcher m = VERSION.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Asks rtorrent over XML-RPC about its one download. */
    private static final class Peer extends ProcessPeer {
        private final ScgiXmlRpc rpc;
        private final Path done;
        private final Path events;

        Peer(String name, ExternalProcess process, int port, ScgiXmlRpc rpc, Path done, Path events) {
            super(name, process, port);
            this.rpc = rpc;
            this.done = done;
            this.events = events;
        }

        /** {completed bytes, size, complete (0/1), hash checking (0/1)}, or empty before it lists the torrent. */
        long[] bytes() {
            try {
                List<String> v = rpc.call("d.multicall2", "", "main", "d.completed_bytes=", "d.size_bytes=",
                        "d.complete=", "d.is_hash_checking=");
                if (v.size() < 4) {
                    return new long[0];
                }
                return new long[] {Long.parseLong(v.get(0)), Long.parseLong(v.get(1)), Long.parseLong(v.get(2)),
                        Long.parseLong(v.get(3))};
            } catch (IOException | NumberFormatException e) {
                return new long[0];
            }
        }

        @Override
        public boolean isComplete() {
            long[] b = bytes();
            return Files.exists(done) || b.length == 4 && b[2] == 1 && b[3] == 0;
        }

        @Override
        public OptionalDouble progress() {
            long[] b = bytes();
            return b.length == 4 && b[1] > 0 ? OptionalDouble.of((double) b[0] / b[1]) : OptionalDouble.empty();
        }

        @Override
        String status() {
            long[] b = bytes();
            return (b.length == 4 ? "completed " + b[0] + " of " + b[1] + " bytes, complete=" + b[2] + ", hashing="
                    + b[3] + "; " : "") + "events in " + ExternalProcess.tail(events);
        }
    }
}
