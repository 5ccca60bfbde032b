package dev.spate.client.interop;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core of the matrix: spate leeches from each real client and each real client leeches from
 * spate, with a single file and a folder, 256 KiB and 4 MiB pieces (16 KiB blocks), through
 * spate's tracker or opentracker ({@link Cells#tracker}).
 */
@Tag("interop")
@ExtendWith(MatrixReport.class)
class TransferMatrixIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed cell leaves its logs behind
    Path dir;

    static List<Plan> cells() {
        return Cells.transfers();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void transfer(Plan plan, Cell cell) throws Exception {
        plan.run(cell, dir);
    }
}
