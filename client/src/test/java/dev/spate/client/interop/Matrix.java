package dev.spate.client.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The rows of one run of the interop suite, kept in the root of JUnit's context so they outlive
 * every test class: when the run ends, the matrix is printed and, with
 * {@code -Dinterop.report=FILE} (relative to the repository root), written as Markdown.
 */
final class Matrix implements ExtensionContext.Store.CloseableResource {
    static final String REPORT_PROPERTY = "interop.report";
    private static final List<String> CLIENT_ORDER = List.of("libtorrent", "qBittorrent", "Transmission", "aria2",
            "rtorrent", "spate", "mixed swarm");

    private final List<MatrixRow> rows = new ArrayList<>();

    static Matrix of(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Matrix.class, k -> new Matrix(), Matrix.class);
    }

    synchronized void add(MatrixRow row) {
        rows.add(row);
    }

    @Override
    public synchronized void close() {
        List<MatrixRow> sorted = new ArrayList<>(rows);
        sorted.addAll(NotYet.rows());
        sorted.sort(Comparator.comparingInt((MatrixRow r) -> clientRank(r.client())).thenComparing(MatrixRow::client)
                .thenComparing(MatrixRow::direction).thenComparing(MatrixRow::feature));
        String table = table(sorted);
        System.out.println("\n[interop] matrix of this run:\n" + table);
        String target = System.getProperty(REPORT_PROPERTY, "");
        if (!target.isBlank()) {
            write(repositoryRoot().resolve(target), sorted, table);
        }
    }

    private static int clientRank(String client) {
        int i = CLIENT_ORDER.indexOf(client);
        return i < 0 ? CLIENT_ORDER.size() : i;
    }

    private static String table(List<MatrixRow> rows) {
        StringBuilder sb = new StringBuilder("| client | version | direction | feature | result | MB/s |\n")
                .append("| --- | --- | --- | --- | --- | ---: |\n");
        rows.forEach(r -> sb.append(r.markdown()).append('\n'));
        return sb.toString();
    }

    private static void write(Path file, List<MatrixRow> rows, String table) {
        String doc = "# Interop matrix\n\n"
                + "spate against real BitTorrent clients from Debian's packages, all on 127.0.0.1 with DHT, local\n"
                + "discovery, UPnP/NAT-PMP and PEX off. Written by the interop suite (the tests tagged `interop`,\n"
                + "`client/src/test/java/dev/spate/client/interop`): do not edit by hand. Regenerate with:\n\n"
                + "```sh\ninterop/report\n```\n\n"
                + "Run of " + LocalDate.now(ZoneOffset.UTC) + " on " + Runtime.getRuntime().availableProcessors()
                + " cores: " + count(rows, "pass") + " passed, " + count(rows, "FAIL") + " failed, "
                + count(rows, "skipped") + " skipped, " + count(rows, "not yet") + " not yet.\n\n"
                + "- *client → spate*: the client seeds, spate leeches; *spate → client*: the other way.\n"
                + "- Blocks are 16 KiB. *spate's tracker* is spate's embedded tracker; *opentracker* is Debian's.\n"
                + "- *MB/s*: 10^6 bytes per second, from the moment the leecher is up (listening, torrent\n"
                + "  added) to its last verified piece. Payloads are a few MiB, so it measures how fast peers\n"
                + "  find each other and get going as much as throughput (`bench/e2e` measures throughput).\n"
                + "  Transmission and aria2 start slowly on loopback whoever the other end is: 4 MiB took\n"
                + "  Transmission 14 s from a libtorrent seeder, and libtorrent 0.8 s from an aria2 seeder.\n\n"
                + table;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, doc, StandardCharsets.UTF_8);
            System.out.println("[interop] matrix written to " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the interop matrix to " + file, e);
        }
    }

    private static long count(List<MatrixRow> rows, String resultPrefix) {
        return rows.stream().filter(r -> r.result().startsWith(resultPrefix)).count();
    }

    /** The folder with {@code mvnw} at or above the working folder (Maven runs tests in the module's). */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw"))) {
                return d;
            }
        }
        return dir;
    }
}
