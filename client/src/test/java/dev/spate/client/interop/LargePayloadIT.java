package dev.spate.client.interop;

import static dev.spate.interop.RealClients.LIBTORRENT;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The matrix's one larger payload, both ways with libtorrent: long enough for the rate to mean throughput. */
@Tag("interop")
@ExtendWith(MatrixReport.class)
class LargePayloadIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @ParameterizedTest(name = "libtorrent, {0}")
    @EnumSource(Direction.class)
    void largeTransfer(Direction direction, Cell cell) throws Exception {
        Plan.of(LIBTORRENT, direction, Layout.LARGE_FILE, PieceSize.MIB_1, TrackerKind.SPATE_HTTP).run(cell, dir);
    }
}
