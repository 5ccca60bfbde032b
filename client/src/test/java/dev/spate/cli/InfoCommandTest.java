package dev.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
    static final Path TORRENTS = CliRun.testTorrents();
    static final String GREETING_V1 = "697ef8b00953731999f166c530a534dc41e6de61";

    static String torrent(String name) {
        return TORRENTS.resolve(name).toString();
    }

    @Test
    void printsATorrentForPeople() {
        CliRun r = CliRun.run("info", torrent("greeting.torrent"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(String.join("\n",
                "name:         greeting",
                "info hash v1: " + GREETING_V1,
                "info hash v2: -",
                "piece length: 5 B",
                "pieces:       3",
                "total size:   13 B",
                "private:      no",
                "comment:      a 13-byte greeting in 5-byte pieces",
                "files: 1",
                "  0  greeting  13 B",
                "trackers:",
                "  tier 1: udp://tracker.invalid:6969/announce",
                "web seeds: none",
                "magnet:       magnet:?xt=urn:btih:" + GREETING_V1 + "&dn=greeting&tr=udp://tracker.invalid:6969/announce",
                ""));
    }

    @Test
    void showsBothHashesAndCountsPaddingApart() {
        CliRun r = CliRun.run("info", torrent("hybrid.torrent"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("info hash v1: f9c973830a96055a4a97a5f722ce1cb048ed9cb3")
                .contains("info hash v2: cb64a5fd04d6dbc7177bc081136ff135c93fe50782e6903f346d0164cb2f6e41")
                .contains("files: 3 (and 2 padding files)")
                .contains("  0  tree/big.bin  39.1 KiB")
                .contains("  tier 1: udp://tracker.invalid:6969/announce http://tracker.invalid/announce")
                .doesNotContain(".pad");
    }

    @Test
    void jsonForScripts() {
        CliRun r = CliRun.run("info", "--json", torrent("multi.torrent"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                {
                  "info_hash_v1": "%s",
                  "info_hash_v2": null,
                  "name": "multi",
                  "piece_length": 16,
                  "num_pieces": 4,
                  "total_length": 60,
                  "num_files": 3,
                  "files": [
                    {
                      "path": [
                        "multi",
                        "a.txt"
                      ],
                      "length": 7,
                      "pad": false
                    },
                    {
                      "path": [
                        "multi",
                        "b",
                        "c.txt"
                      ],
                      "length": 20,
                      "pad": false
                    },
                    {
                      "path": [
                        "multi",
                        "d.bin"
                      ],
                      "length": 33,
                      "pad": false
                    }
                  ],
                  "trackers": [
                    [
                      "udp://tracker.invalid:6969/announce"
                    ]
                  ],
                  "web_seeds": [
                    "http://seed.invalid/files/"
                  ],
                  "private": false,
                  "magnet": "%s"
                }
                """.formatted(dev.spate.metainfo.Metainfo.parse(read("multi.torrent")).infoHashes().v1(),
                dev.spate.metainfo.Metainfo.parse(read("multi.torrent")).toMagnet()));
    }

    @Test
    void jsonCountsFilesWithoutPaddingAndListsPaddingMarked() {
        CliRun r = CliRun.run("info", torrent("v2.torrent"), "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"info_hash_v1\": null", "\"num_files\": 3", "\"pad\": true", "\"private\": true",
                "\"piece_length\": 16384");
    }

    @Test
    void aMagnetLinkLeavesUnknownFieldsNull() {
        CliRun r = CliRun.run("info", "--json", "magnet:?xt=urn:btih:" + GREETING_V1 + "&dn=gr%C3%BC%C3%9Fe&tr=http://t/a&tr=http://t/b");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                {
                  "info_hash_v1": "%s",
                  "info_hash_v2": null,
                  "name": "gr\\u00fc\\u00dfe",
                  "piece_length": null,
                  "num_pieces": null,
                  "total_length": null,
                  "num_files": null,
                  "files": null,
                  "trackers": [
                    [
                      "http://t/a"
                    ],
                    [
                      "http://t/b"
                    ]
                  ],
                  "web_seeds": [],
                  "private": null,
                  "magnet": "magnet:?xt=urn:btih:%s&dn=gr%%C3%%BC%%C3%%9Fe&tr=http://t/a&tr=http://t/b"
                }
                """.formatted(GREETING_V1, GREETING_V1));
        CliRun human = CliRun.run("info", "magnet:?xt=urn:btih:" + GREETING_V1);
        assertThat(human.exitCode()).isZero();
        assertThat(human.out()).contains("name:         (not in the link)", "info hash v1: " + GREETING_V1, "trackers: none");
    }

    @Test
    void invalidInputIsOneLineAndExitCode3(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.torrent");
        Files.writeString(bad, "d4:infod4:name1:a12:piece lengthi0eee");
        CliRun r = CliRun.run("info", bad.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("spate: " + bad + ": info.piece length: 0 is not a positive number of bytes\n");

        r = CliRun.run("info", tmp.resolve("missing.torrent").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("spate: " + tmp.resolve("missing.torrent") + ": no such file\n");

        r = CliRun.run("info", "magnet:?dn=x");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("spate: magnet:?dn=x: magnet link: no xt=urn:btih: (v1) or xt=urn:btmh: (v2) info hash\n");

        Files.writeString(bad, "i1e");
        r = CliRun.run("info", bad.toString());
        assertThat(r.err()).isEqualTo("spate: " + bad + ": torrent: expected a dictionary, found an integer\n");
    }

    @Test
    void usageErrorsExit2() {
        CliRun r = CliRun.run("info");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("spate: info takes one torrent file or magnet link");
        assertThat(CliRun.run("info", "a", "b").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("info", "--bogus", "a").exitCode()).isEqualTo(2);
    }

    @Test
    void helpListsEveryOption() {
        CliRun r = CliRun.run("info", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("spate info <file.torrent|magnet> [--json]", "--json", "--help");
        CliRun global = CliRun.run("--help");
        assertThat(global.out()).contains("info ", "create ");
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(TORRENTS.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
