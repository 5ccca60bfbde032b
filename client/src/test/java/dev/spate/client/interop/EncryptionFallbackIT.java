package dev.spate.client.interop;

import dev.spate.interop.Encryption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real clients as most people run them: preferring encrypted connections (MSE). spate has no MSE
 * yet, so a client that dials spate must fall back to plaintext, and one that spate dials must
 * accept plaintext.
 */
@Tag("interop")
@ExtendWith(MatrixReport.class)
class EncryptionFallbackIT {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    static List<Plan> cells() {
        return Cells.smallTransfers().stream().map(p -> p.withEncryption(Encryption.PREFER)
                .withFeature("client prefers encryption (MSE), falls back to plaintext")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void plaintextFallback(Plan plan, Cell cell) throws Exception {
        plan.run(cell, dir);
    }
}
