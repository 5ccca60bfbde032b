package dev.spate.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A program started by the interop drivers: its output (stdout and stderr together) goes to a log
 * file, and it is stopped by its own PID, SIGTERM first and SIGKILL if it lingers, never by name.
 * One still running when the JVM exits gets SIGTERM then, so that none outlives its owner.
 */
public final class ExternalProcess implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ExternalProcess.class);
    private static final Duration TERM_GRACE = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 40;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy),
                "interop-process-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ExternalProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir}; its output goes to {@code workDir/name.log}. */
    public static ExternalProcess start(String name, Path workDir, List<String> command) throws IOException {
        return start(name, workDir, command, Map.of());
    }

    /** As {@link #start(String, Path, List)}, with extra environment variables. */
    public static ExternalProcess start(String name, Path workDir, List<String> command, Map<String, String> env)
            throws IOException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        RUNNING.add(p);
        p.onExit().thenRun(() -> RUNNING.remove(p));
        LOG.info("started {} (pid {}): {}", name, p.pid(), String.join(" ", command));
        return new ExternalProcess(name, p, log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit, at most {@code timeout}; true if it did. */
    public boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit status; only once the process has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Everything the program has written so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of the output, named and with the PID, for a failure message. */
    public String tail() {
        String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
        return name + " (pid " + process.pid() + ", " + state + ", log " + log + ") said:\n  " + tail(output());
    }

    /** The last lines of a log the program writes besides its output, for a failure message. */
    public static String tail(Path file) {
        try {
            return file + ":\n  " + tail(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return file + ": not written";
        }
    }

    private static String tail(String text) {
        List<String> lines = text.replace('\r', '\n').lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n  ", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    /** Stops the program: SIGTERM to its PID, then SIGKILL if it has not exited after a grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (pid {}) ignored SIGTERM for {} s: killing it", name, process.pid(),
                        TERM_GRACE.toSeconds());
                process.destroyForcibly();
                process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
