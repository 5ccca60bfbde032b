package dev.spate.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transmission's {@code transmission-cli}, configured through {@code settings.json} in its own
 * configuration folder (DHT, local discovery, PEX, port forwarding off; bound to 127.0.0.1). It
 * signals completion by running a script ({@code -f}), which touches a file; its status line
 * (read through {@code stdbuf -o0}, as it does not flush) gives the progress.
 *
 * <p>What bites on 127.0.0.1: it never dials peers in 127.0.0.0/8 (it takes them for martians),
 * so as a leecher it gets data only from peers that dial it; it keys peers by IP address, one
 * connection per 127.0.0.1; and a seeder that has served one leecher treats later 127.0.0.1 peers
 * as seeds. Start a fresh one for each transfer.
 */
public final class TransmissionPeer extends InstalledProgram {
    static final String TRANSMISSION = "/usr/bin/transmission-cli";
    static final String STDBUF = "/usr/bin/stdbuf";
    private static final Pattern PROGRESS = Pattern.compile("Progress: ([0-9.]+)%");

    TransmissionPeer() {
        super("Transmission", TRANSMISSION, "transmission-cli", () -> Programs.version(List.of(TRANSMISSION,
                "--version")), ANY, false);
    }

    @Override
    public boolean installed() {
        return super.installed() && Programs.executable(STDBUF);
    }

    @Override
    public String requirement() {
        return super.requirement() + " and " + STDBUF + " (coreutils)";
    }

    @Override
    public boolean dialsLoopback() {
        return false;
    }

    @Override
    RunningPeer launch(Role role, Path torrent, Path dataDir, PeerOptions options)
            throws IOException, InterruptedException {
        int port = options.portOrFree();
        String fileName = fileName(role);
        Path config = Files.createDirectories(options.workDir().resolve(fileName + "-config"));
        Files.writeString(config.resolve("settings.json"), settings(port, dataDir, options), StandardCharsets.UTF_8);
        Path done = options.workDir().resolve(fileName + ".done");
        Path script = options.workDir().resolve(fileName + "-finished.sh");
        Files.writeString(script, "#!/bin/sh\ntouch '" + done + "'\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dataDir);
        List<String> command = List.of(STDBUF, "-o0", TRANSMISSION, "-g", config.toString(), "-w", dataDir.toString(),
                "-p", Integer.toString(port), "-f", script.toString(), encryptionFlag(options.encryption()),
                torrent.toString());
        Peer peer = new Peer(displayName(role), ExternalProcess.start(fileName, options.workDir(), command), port, done);
        peer.awaitListening(options.startTimeout());
        if (role == Role.SEEDER) {
            peer.awaitStart("check its data and seed", options.startTimeout(), peer::isSeeding);
        }
        return peer;
    }

    private static String encryptionFlag(Encryption e) {
        switch (e) {
            case PLAIN:
                return "-et";
            case PREFER:
                return "-ep";
            default:
                return "-er";
        }
    }

    private static String settings(int port, Path dataDir, PeerOptions options) {
        int encryption = options.encryption() == Encryption.PLAIN ? 0 : options.encryption() == Encryption.PREFER ? 1
                : 2;
        boolean utp = options.transport() != PeerTransport.TCP;
        return "{\n"
                + "  \"dht-enabled\": false,\n"
                + "  \"lpd-enabled\": false,\n"
                + "  \"pex-enabled\": false,\n"
                + "  \"utp-enabled\": " + utp + ",\n"
                + "  \"port-forwarding-enabled\": false,\n"
                + "  \"blocklist-enabled\": false,\n"
                + "  \"rpc-enabled\": false,\n"
                + "  \"bind-address-ipv4\": \"127.0.0.1\",\n"
                + "  \"bind-address-ipv6\": \"::1\",\n"
                + "  \"peer-port\": " + port + ",\n"
                + "  \"peer-port-random-on-start\": false,\n"
                + "  \"encryption\": " + encryption + ",\n"
                + "  \"download-dir\": \"" + dataDir.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\",\n"
                + "  \"incomplete-dir-enabled\": false,\n"
                + "  \"ratio-limit-enabled\": false,\n"
                + "  \"idle-seeding-limit-enabled\": false,\n"
                + "  \"message-level\": 2\n"
                + "}\n";
    }

    /** Reads Transmission's status line and its completion file. */
    private static final class Peer extends ProcessPeer {
        private final Path done;

        Peer(String name, ExternalProcess process, int port, Path done) {
            super(name, process, port);
            this.done = done;
        }

        boolean isSeeding() {
            return process.output().contains("Seeding, uploading to");
        }

        @Override
        public boolean isComplete() {
            return Files.exists(done) || isSeeding();
        }

        @Override
        public OptionalDouble progress() {
            if (isComplete()) {
                return OptionalDouble.of(1);
            }
            Matcher m = PROGRESS.matcher(process.output());
            double last = -1;
            while (m.find()) {
                last = Double.parseDouble(m.group(1)) / 100;
            }
            return last < 0 ? OptionalDouble.empty() : OptionalDouble.of(last);
        }
    }
}
