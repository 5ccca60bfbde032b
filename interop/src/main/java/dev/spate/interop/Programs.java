package dev.spate.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asking installed programs about themselves: are they there, what version are they. */
final class Programs {
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)+");
    private static final long PROBE_SECONDS = 30;

    private Programs() {
    }

    static boolean executable(String path) {
        return Files.isExecutable(Path.of(path));
    }

    /** Runs {@code command} to its end and returns what it printed, if it exited with 0 in time. */
    static Optional<String> output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The first dotted number in what {@code command} prints ("aria2 version 1.36.0" gives "1.36.0"). */
    static Optional<String> version(List<String> command) {
        return output(command).flatMap(text -> {
            Matcher m = VERSION.matcher(text);
            return m.find() ? Optional.of(m.group()) : Optional.empty();
        });
    }
}
