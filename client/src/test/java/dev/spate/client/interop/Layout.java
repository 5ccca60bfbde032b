package dev.spate.client.interop;

import dev.spate.interop.PayloadFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payloads of the matrix: one file, or a folder whose files no piece length divides; a small
 * file for cells about something other than the transfer, a large one for a meaningful rate.
 */
enum Layout {
    SINGLE_FILE("single file") {
        @Override
        Path write(Path seedDir) throws IOException {
            return PayloadFiles.writeRandom(seedDir.resolve("payload.bin"), 5 * MIB + 12_345, 1);
        }
    },
    MULTI_FILE("multi-file") {
        @Override
        Path write(Path seedDir) throws IOException {
            Map<String, Long> files = new LinkedHashMap<>();
            files.put("a.bin", 1_500_001L);
            files.put("sub/b.bin", 3 * MIB + 77);
            files.put("sub/deeper/c.bin", 17L);
            files.put("d.bin", MIB);
            return PayloadFiles.writeTree(seedDir.resolve("album"), files, 2);
        }
    },
    SMALL_FILE("2 MiB file") {
        @Override
        Path write(Path seedDir) throws IOException {
            return PayloadFiles.writeRandom(seedDir.resolve("small.bin"), 2 * MIB + 1, 3);
        }
    },
    LARGE_FILE("64 MiB file") {
        @Override
        Path write(Path seedDir) throws IOException {
            return PayloadFiles.writeRandom(seedDir.resolve("large.bin"), 64 * MIB, 4);
        }
    };

    static final long MIB = 1 << 20;

    private final String words;

    Layout(String words) {
        this.words = words;
    }

    /** Writes the payload under {@code seedDir}; returns the file or folder the torrent is made of. */
    abstract Path write(Path seedDir) throws IOException;

    @Override
    public String toString() {
        return words;
    }
}
