package dev.spate.metainfo.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.metainfo.FileEntry;
import dev.spate.metainfo.Metainfo;
import java.util.List;

/** Assertions that a parsed torrent cannot write outside the download directory. */
public final class PathChecks {
    private PathChecks() {
    }

    public static void assertConfined(Metainfo m) {
        for (FileEntry f : m.files()) {
            assertConfined(f.path(), f.toString());
            f.symlinkTarget().ifPresent(t -> assertConfined(t, f + " symlink target"));
        }
    }

    public static void assertConfined(List<String> path, String what) {
        assertThat(path).as(what).isNotEmpty();
        for (String c : path) {
            assertThat(c).as(what).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..")
                    .doesNotContain("/").doesNotContain("\\").doesNotContain("\0")
                    .doesNotMatch("^[A-Za-z]:.*");
            assertThat(c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(what + " component bytes")
                    .isLessThanOrEqualTo(255);
        }
    }
}
