package dev.spate.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PathSanitizerTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "DROP", value = {
        "file.txt|file.txt",
        "..|DROP",
        ".|DROP",
        "''|DROP",
        "...|DROP",
        "' . '|DROP",
        ".hidden|.hidden",
        "a..b|a..b",
        "/etc|etc",
        "a/../b|a..b",
        "\\\\server\\share|servershare",
        "C:|C_",
        "c:windows|c_windows",
        "1:2|1:2",
        "CON|CON_",
        "con.txt|con_.txt",
        "Com1.tar.gz|Com1_.tar.gz",
        "LPT9|LPT9_",
        "CONSOLE|CONSOLE",
        "auxiliary.txt|auxiliary.txt",
        "foobar |foobar ",
    })
    void component(String raw, String expected) {
        assertThat(PathSanitizer.component(raw)).isEqualTo(expected);
    }

    @Test
    void controlCharactersAndNulBecomeUnderscores() {
        assertThat(PathSanitizer.component("a\0b\nc\u007f")).isEqualTo("a_b_c_");
    }

    @Test
    void aPathOfNothingIsAnUnderscore() {
        assertThat(PathSanitizer.path(List.of("", "..", "/"))).containsExactly("_");
        assertThat(PathSanitizer.path(List.of())).containsExactly("_");
        assertThat(PathSanitizer.path(List.of("a", "..", "b"))).containsExactly("a", "b");
    }

    @Test
    void shortensToAt255BytesAtACharacterBoundaryKeepingTheExtension() {
        String name = "\u4e2d".repeat(100) + ".txt"; // 300 + 4 bytes
        String s = PathSanitizer.component(name);
        assertThat(s).endsWith(".txt");
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isEqualTo(253); // 83 characters of 3 bytes, plus 4
        assertThat(PathSanitizer.component("x".repeat(300))).hasSize(255);
        // An extension longer than 32 bytes is not worth keeping.
        String ext = "." + "e".repeat(40);
        assertThat(PathSanitizer.component("b".repeat(300) + ext)).isEqualTo("b".repeat(255));
        assertThat(PathSanitizer.component("x".repeat(255))).hasSize(255);
    }

    @Test
    void shorteningNeverLeavesOnlyDots() {
        // 300 dots and a 40-byte "extension" too long to keep: the first 255 bytes are all dots.
        assertThat(PathSanitizer.component(".".repeat(300) + "x".repeat(40))).isEqualTo("_");
        assertThat(PathSanitizer.component(".".repeat(300) + "x")).endsWith(".x").hasSize(255);
    }
}
