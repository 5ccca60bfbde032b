package dev.spate.client.interop;

import dev.spate.client.Version;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** spate downloads from spate, the two meeting only through a tracker: spate's own, over HTTP and UDP, and opentracker. */
@Tag("interop")
@ExtendWith(MatrixReport.class)
class SpateToSpateIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @ParameterizedTest(name = "through {0}")
    @EnumSource(TrackerKind.class)
    void spateLeechesFromSpate(TrackerKind tracker, Cell cell) throws Exception {
        cell.is("spate", Version.VERSION, "spate → spate", Plan.words(Layout.MULTI_FILE, PieceSize.KIB_256, tracker));
        Require.trackerInstalled(tracker);
        try (Transfer transfer = Transfer.prepare(dir, Layout.MULTI_FILE, PieceSize.KIB_256, tracker)) {
            cell.measured(transfer.totalBytes(), transfer.spateToSpate().took());
        }
    }
}
