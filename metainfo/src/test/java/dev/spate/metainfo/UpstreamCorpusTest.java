package dev.spate.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.spate.metainfo.testing.Corpus;
import dev.spate.metainfo.testing.PathChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses every file of the shared upstream corpus (libtorrent's and Transmission's test
 * torrents) and agrees with every row of its EXPECTED.tsv: {@code accept} parses, {@code reject}
 * throws {@link MetainfoException}; {@code tolerate} widens a verdict ({@code sanitize}: a reject
 * may parse if every path stays inside the download directory; {@code reject}: an accept may be
 * refused cleanly; {@code accept}: a reject may parse). Nothing else may be thrown, and any parsed
 * torrent has confined paths.
 */
class UpstreamCorpusTest {

    record Row(String file, String expect, String why, String tolerate, String checks) {
    }

    static Path corpus() {
        Path dir = Corpus.upstreamTorrents().orElse(null);
        if (dir == null) {
            System.out.println("UpstreamCorpusTest skipped: shared/upstream-torrents not found above " + Path.of("").toAbsolutePath());
        }
        Assumptions.assumeTrue(dir != null, "shared/upstream-torrents not found beside the checkout");
        return dir;
    }

    static List<Row> rows(Path dir) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("EXPECTED.tsv"))) {
            if (line.startsWith("#") || line.startsWith("file\t") || line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t");
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4]));
        }
        return rows;
    }

    @Test
    void everyCorpusFileHasARowAndEveryRowAFile() throws IOException {
        Path dir = corpus();
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.toString().endsWith(".torrent")).forEach(p -> files.add(dir.relativize(p).toString()));
        }
        Set<String> listed = new TreeSet<>();
        rows(dir).forEach(r -> listed.add(r.file()));
        assertThat(listed).isEqualTo(files);
    }

    @TestFactory
    Stream<DynamicTest> agreesWithEveryVerdict() throws IOException {
        Path dir = corpus();
        return rows(dir).stream().map(row -> DynamicTest.dynamicTest(row.file() + " " + row.expect(), () -> check(dir, row)));
    }

    private static void check(Path dir, Row row) throws IOException {
        Metainfo m;
        try {
            m = Metainfo.read(dir.resolve(row.file()));
        } catch (MetainfoException e) {
            System.out.println("corpus: " + row.file() + " rejected: " + e.getMessage());
            boolean mayReject = row.expect().equals("reject") || row.tolerate().equals("reject");
            if (!mayReject) {
                fail(row.file() + " must parse (" + row.why() + ") but: " + e.getMessage(), e);
            }
            return;
        }
        System.out.println("corpus: " + row.file() + " accepted: " + m + (m.warnings().isEmpty() ? "" : " " + m.warnings()));
        boolean mayAccept = row.expect().equals("accept") || row.tolerate().equals("sanitize") || row.tolerate().equals("accept");
        if (!mayAccept) {
            fail(row.file() + " must be rejected (" + row.why() + ") but parsed as " + m);
        }
        PathChecks.assertConfined(m);
        for (String check : row.checks().split(",")) {
            if (check.startsWith("info_hash_v1=")) {
                assertThat(m.infoHashes().v1().toHex()).isEqualTo(check.substring("info_hash_v1=".length()));
            } else if (check.startsWith("info_hash_v2=")) {
                assertThat(m.infoHashes().v2().toHex()).isEqualTo(check.substring("info_hash_v2=".length()));
            } else if (!check.equals("-")) {
                fail("unknown check " + check);
            }
        }
    }
}
