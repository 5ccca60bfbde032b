package dev.spate.client.interop;

import dev.spate.interop.RealClient;
import dev.spate.interop.RealClients;
import java.util.ArrayList;
import java.util.List;

/** Cells the matrix lists before spate can pass them: they come with later issues. */
final class NotYet {
    private static final String RESULT = "not yet (a later issue)";

    private NotYet() {
    }

    static List<MatrixRow> rows() {
        List<MatrixRow> rows = new ArrayList<>();
        for (RealClient c : RealClients.all()) {
            String version = c.version().orElse("not installed");
            for (Direction d : Direction.values()) {
                rows.add(new MatrixRow(c.name(), version, d.toString(), "magnet link: metadata exchange (BEP 9)",
                        RESULT, ""));
            }
            rows.add(new MatrixRow(c.name(), version, "both ways", "encryption required (MSE)", RESULT, ""));
        }
        RealClient lt = RealClients.LIBTORRENT;
        rows.add(new MatrixRow(lt.name(), lt.version().orElse("not installed"), "both ways", "peer exchange (BEP 11)",
                RESULT, ""));
        return rows;
    }
}
