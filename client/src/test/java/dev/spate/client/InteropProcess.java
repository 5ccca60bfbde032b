package dev.spate.client;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real BitTorrent client run by an interop test: its output goes to a log file, and it is
 * stopped by its own PID (SIGTERM, then SIGKILL), never by name. A small local driver until the
 * interop module's drivers are on main; the static helpers skip a test, with the reason printed,
 * when the program is not installed.
 */
final class InteropProcess implements AutoCloseable {
    static final String PYTHON = "/usr/bin/python3";

    private final String name;
    private final Process process;
    private final Path log;

    private InteropProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static InteropProcess start(String name, Path workDir, List<String> command) throws IOException {
        Path log = workDir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        System.out.println("[interop] started " + name + " (pid " + p.pid() + "): " + String.join(" ", command));
        return new InteropProcess(name, p, log);
    }

    /** Skips the test, saying why, unless {@code program} is an executable file. */
    static void requireProgram(String program) {
        boolean present = Files.isExecutable(Path.of(program));
        if (!present) {
            System.out.println("[interop] skipped: " + program + " is not installed");
        }
        assumeTrue(present, program + " is not installed");
    }

    /** Skips the test unless Debian's python3 imports libtorrent (python3-libtorrent). */
    static void requireLibtorrent() throws IOException, InterruptedException {
        requireProgram(PYTHON);
        Process p = new ProcessBuilder(PYTHON, "-c", "import libtorrent").redirectErrorStream(true).start();
        boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (!ok) {
            p.destroyForcibly();
            System.out.println("[interop] skipped: " + PYTHON + " cannot import libtorrent");
        }
        assumeTrue(ok, PYTHON + " cannot import libtorrent");
    }

    /** {@code tools/lt_peer.py} of this checkout (tests run in the client module's directory). */
    static String libtorrentPeer() {
        return dev.spate.interop.LibtorrentPeer.script().toString();
    }

    /** A TCP port free on 127.0.0.1 when asked. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits at most {@code timeout} for the process to exit; true if it did. */
    boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of the output, for a failure message. */
    String tail() {
        List<String> lines = output().lines().toList();
        return name + " (pid " + process.pid() + ") said:\n  "
                + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
