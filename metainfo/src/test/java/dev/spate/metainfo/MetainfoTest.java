package dev.spate.metainfo;

import static dev.spate.metainfo.testing.Torrents.file;
import static dev.spate.metainfo.testing.Torrents.multiFile;
import static dev.spate.metainfo.testing.Torrents.singleFile;
import static dev.spate.metainfo.testing.Torrents.strings;
import static dev.spate.metainfo.testing.Torrents.torrent;
import static dev.spate.metainfo.testing.Torrents.v1Info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BencodeEncoder;
import dev.spate.metainfo.testing.PathChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetainfoTest {

    static Metainfo parse(byte[] torrent) {
        return Metainfo.parse(torrent);
    }

    static void assertRejected(byte[] torrent, String message) {
        assertThatThrownBy(() -> Metainfo.parse(torrent)).isInstanceOf(MetainfoException.class).hasMessage(message);
    }

    @Nested
    class SingleFile {
        @Test
        void readsTheFieldsAndHashesTheInfoBytesAsWritten() throws Exception {
            BDict info = singleFile("greeting", 13).build();
            byte[] bytes = BencodeEncoder.encode(BDict.builder()
                    .put("announce", "http://t/announce")
                    .put("comment", "hello")
                    .put("created by", "test")
                    .put("creation date", 1_700_000_000L)
                    .put("info", info)
                    .put("url-list", "http://seed/greeting")
                    .build());
            Metainfo m = parse(bytes);
            byte[] infoBytes = BencodeEncoder.encode(info);
            assertThat(m.infoBytes()).isEqualTo(infoBytes);
            assertThat(m.infoSize()).isEqualTo(infoBytes.length);
            assertThat(m.infoHashes().v1().toByteArray()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(infoBytes));
            assertThat(m.infoHashes().v2()).isNull();
            assertThat(m.infoHashes().primary()).isEqualTo(m.infoHashes().v1());
            assertThat(m.version()).isEqualTo(TorrentVersion.V1);
            assertThat(m.name()).isEqualTo("greeting");
            assertThat(m.pieceLength()).isEqualTo(16384);
            assertThat(m.pieceCount()).isEqualTo(1);
            assertThat(m.pieceSize(0)).isEqualTo(13);
            assertThat(m.totalLength()).isEqualTo(13);
            assertThat(m.files()).containsExactly(new FileEntry(0, List.of("greeting"), 13, 0, false, false, false, Optional.empty(), null));
            assertThat(m.trackerTiers()).containsExactly(List.of("http://t/announce"));
            assertThat(m.webSeeds()).containsExactly("http://seed/greeting");
            assertThat(m.comment()).contains("hello");
            assertThat(m.createdBy()).contains("test");
            assertThat(m.creationDate()).contains(Instant.ofEpochSecond(1_700_000_000L));
            assertThat(m.isPrivate()).isFalse();
            assertThat(m.warnings()).isEmpty();
            assertThat(m.toTorrentBytes()).isEqualTo(bytes);
        }

        @Test
        void pieceHashesAndSizes() {
            byte[] pieces = new byte[3 * 20];
            for (int i = 0; i < pieces.length; i++) {
                pieces[i] = (byte) i;
            }
            Metainfo m = parse(torrent(BDict.builder().put("name", "x").put("piece length", 5).put("length", 13)
                    .put("pieces", pieces)));
            assertThat(m.pieceCount()).isEqualTo(3);
            assertThat(List.of(m.pieceSize(0), m.pieceSize(1), m.pieceSize(2))).containsExactly(5, 5, 3);
            assertThat(m.pieceHash(1)[0]).isEqualTo((byte) 20);
            byte[] dst = new byte[25];
            m.copyPieceHash(2, dst, 5);
            assertThat(dst[5]).isEqualTo((byte) 40);
            assertThat(dst[24]).isEqualTo((byte) 59);
            assertThatThrownBy(() -> m.pieceHash(3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> m.pieceSize(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            m.pieceHash(0)[0] = 99; // a copy
            assertThat(m.pieceHash(0)[0]).isEqualTo((byte) 0);
        }

        @Test
        void theInputArrayIsCopied() {
            byte[] bytes = torrent(singleFile("a", 1));
            Metainfo m = parse(bytes);
            java.util.Arrays.fill(bytes, (byte) 0);
            assertThat(m.name()).isEqualTo("a");
            assertThat(m.infoBytes()[0]).isEqualTo((byte) 'd');
        }

        @Test
        void privateFlagAndNameUtf8() {
            Metainfo m = parse(torrent(singleFile("latin1-\u00e9", 1).put("private", 1).put("name.utf-8", "caf\u00e9")));
            assertThat(m.isPrivate()).isTrue();
            assertThat(m.name()).isEqualTo("caf\u00e9");
        }
    }

    @Nested
    class MultiFile {
        @Test
        void filesGoUnderTheRootDirectoryWithOffsetsInTheByteStream() {
            Metainfo m = parse(torrent(multiFile("album", file(7, "a.txt"), file(0, "empty"), file(20, "b", "c.txt"))));
            assertThat(m.files()).extracting(FileEntry::path).containsExactly(
                    List.of("album", "a.txt"), List.of("album", "empty"), List.of("album", "b", "c.txt"));
            assertThat(m.files()).extracting(FileEntry::offset).containsExactly(0L, 7L, 7L);
            assertThat(m.files()).extracting(FileEntry::index).containsExactly(0, 1, 2);
            assertThat(m.totalLength()).isEqualTo(27);
        }

        @Test
        void attributesAndPaddingFiles() {
            BDict pad = BDict.builder().put("attr", "p").put("length", 16377).build(); // no path: BEP 47 allows it
            BDict exe = BDict.builder().put("attr", "xh").put("length", 5).put("path", strings("run.sh")).build();
            Metainfo m = parse(torrent(multiFile("t", file(7, "a"), pad, exe)));
            assertThat(m.files().get(1).padding()).isTrue();
            assertThat(m.files().get(1).path()).containsExactly("t", ".pad", "16377");
            assertThat(m.files().get(2).executable()).isTrue();
            assertThat(m.files().get(2).hidden()).isTrue();
            assertThat(m.files().get(2).offset()).isEqualTo(16384);
        }

        @Test
        void symlinksHaveNoDataAndATargetUnderTheRoot() {
            BDict link = BDict.builder().put("attr", "l").put("length", 99).put("path", strings("link"))
                    .put("symlink path", strings("..", "a")).build();
            Metainfo m = parse(torrent(v1Info("t", 16384, 7).put("files", BList.of(file(7, "a"), link))));
            FileEntry f = m.files().get(1);
            assertThat(f.isSymlink()).isTrue();
            assertThat(f.length()).isZero();
            assertThat(f.symlinkTarget()).contains(List.of("t", "a"));
        }

        @Test
        void aSymlinkTargetRelativeToItsOwnDirectoryIsFoundThere() {
            // Versions/Current -> A: only Versions/A exists, so the link's directory is meant.
            BDict link = BDict.builder().put("attr", "l").put("path", strings("Versions", "Current"))
                    .put("symlink path", strings("A")).build();
            BDict dangling = BDict.builder().put("attr", "l").put("path", strings("Versions", "Old"))
                    .put("symlink path", strings("Gone")).build();
            Metainfo m = parse(torrent(v1Info("F", 16384, 7).put("files", BList.of(file(7, "Versions", "A", "lib"), link, dangling))));
            assertThat(m.files().get(1).symlinkTarget()).contains(List.of("F", "Versions", "A"));
            assertThat(m.files().get(2).symlinkTarget()).contains(List.of("F", "Gone"));
        }

        @Test
        void pathUtf8IsPreferred() {
            BDict f = BDict.builder().put("length", 1).put("path", strings("bad")).put("path.utf-8", strings("good")).build();
            assertThat(parse(torrent(multiFile("t", f))).files().get(0).path()).containsExactly("t", "good");
        }

        @Test
        void nonUtf8PathBytesBecomeReplacementCharacters() {
            BDict f = BDict.builder().put("length", 1)
                    .put("path", BList.of(BString.of(new byte[] {'a', (byte) 0xff}))).build();
            assertThat(parse(torrent(multiFile("t", f))).files().get(0).path()).containsExactly("t", "a\ufffd");
        }
    }

    @Nested
    class Sanitising {
        @Test
        void traversalAndAbsolutePathsStayInsideTheRoot() {
            Metainfo m = parse(torrent(multiFile("t", file(1, "..", "..", "etc", "passwd"), file(1, "/abs"),
                    file(1, "a/../../b"), file(1, "C:", "x"), file(1, "nul.txt"), file(1, "tab\there"), file(1, "", "."))));
            assertThat(m.files()).extracting(FileEntry::pathString).containsExactly(
                    "t/etc/passwd", "t/abs", "t/a....b", "t/C_/x", "t/nul_.txt", "t/tab_here", "t/_");
            PathChecks.assertConfined(m);
            assertThat(m.warnings()).contains("info.files[0]: path [\"..\", \"..\", \"etc\", \"passwd\"] is written as \"t/etc/passwd\"");
        }

        @Test
        void aNameThatSanitisesToNothingBecomesTheInfoHash() {
            Metainfo m = parse(torrent(multiFile("..", file(1, "a"))));
            assertThat(m.name()).isEqualTo(m.infoHashes().v1().toHex());
            assertThat(m.files().get(0).path()).containsExactly(m.name(), "a");
        }

        @Test
        void duplicatePathsAreRenamedDeterministically() {
            Metainfo m = parse(torrent(multiFile("t", file(1, "a.txt"), file(1, "a.txt"), file(1, "a.txt"),
                    file(1, "x"), file(1, "x", "y"))));
            assertThat(m.files()).extracting(FileEntry::pathString)
                    .containsExactly("t/a.txt", "t/a.1.txt", "t/a.2.txt", "t/x.1", "t/x/y");
        }

        @Test
        void tooManyDuplicatesAreRefused() {
            BDict[] files = new BDict[102];
            java.util.Arrays.fill(files, file(1, "same"));
            assertRejected(torrent(multiFile("t", files)), "info.files[101].path: more than 100 files are named \"t/same\"");
        }

        @Test
        void overlongNamesAreShortenedKeepingTheExtension() {
            String longName = "\u00e9".repeat(200) + ".mkv"; // 404 bytes of UTF-8
            Metainfo m = parse(torrent(multiFile("t", file(1, longName))));
            String written = m.files().get(0).path().get(1);
            assertThat(written).endsWith(".mkv").startsWith("\u00e9\u00e9");
            assertThat(written.getBytes(StandardCharsets.UTF_8).length).isBetween(250, 255);
        }
    }

    @Nested
    class Validation {
        @Test
        void namesTheFieldAndTheReason() {
            assertRejected("i1e".getBytes(StandardCharsets.US_ASCII), "torrent: expected a dictionary, found an integer");
            assertRejected(BencodeEncoder.encode(BDict.builder().put("announce", "x").build()), "info: missing");
            assertRejected(torrent(singleFile("a", 1).put("name", 5)), "info.name: expected a string, found an integer");
            assertRejected(torrent(v1Info("a", 16384, 1)), "info: neither length (one file) nor files (several) is present");
            assertRejected(torrent(singleFile("a", -1)), "info.length: negative length -1");
            assertRejected(torrent(singleFile("a", 0)), "info: the torrent holds no data: every file is empty");
            assertRejected(torrent(singleFile("a", 1).put("piece length", 0)), "info.piece length: 0 is not a positive number of bytes");
            assertRejected(torrent(singleFile("a", 1).put("piece length", 1L << 30)),
                    "info.piece length: 1073741824 bytes is more than the limit of 536870912");
            assertRejected(torrent(singleFile("a", 1).put("pieces", new byte[21])),
                    "info.pieces: 21 bytes is not a whole number of 20-byte SHA-1 hashes");
            assertRejected(torrent(singleFile("a", 1).put("pieces", new byte[40])),
                    "info.pieces: holds 2 piece hashes, but 1 bytes in pieces of 16384 make 1");
            assertRejected(torrent(multiFile("t", file(1, "a")).put("files", BList.of())), "info.files: the list of files is empty");
            assertRejected(torrent(multiFile("t", file(1, "a"), BDict.builder().put("length", 1).build())), "info.files[1].path: missing");
            assertRejected(torrent(multiFile("t", BDict.builder().put("length", 1).put("path", BList.of(BList.of())).build())),
                    "info.files[0].path[0]: expected a string, found a list");
        }

        @Test
        void totalLengthsThatOverflowAreRefused() {
            byte[] t = torrent(v1Info("t", 1 << 20, 1).put("files", BList.of(file(Long.MAX_VALUE, "a"), file(1, "b"))));
            assertRejected(t, "info.files[1].length: the total length of the torrent overflows");
        }

        @Test
        void tooManyPiecesAreRefusedBeforeAnythingIsAllocatedForThem() {
            assertRejected(torrent(BDict.builder().put("name", "a").put("piece length", 16384).put("length", 1L << 40)
                            .put("pieces", new byte[20])),
                    "info: 1099511627776 bytes in pieces of 16384 make 67108864 pieces, more than the limit of 2097152");
        }

        @Test
        void duplicateKeysInsideInfoAreAmbiguous() {
            String t = "d4:infod6:lengthi1e4:name1:a12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaa"
                    + "6:pieces20:bbbbbbbbbbbbbbbbbbbbee";
            assertRejected(t.getBytes(StandardCharsets.US_ASCII), "info: a dictionary key appears twice (byte 81), so the torrent is ambiguous");
        }

        @Test
        void unsortedKeysAreToleratedAndHashedAsWritten() throws Exception {
            String info = "d4:name1:a6:lengthi1e12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaae";
            Metainfo m = parse(("d4:info" + info + "e").getBytes(StandardCharsets.US_ASCII));
            assertThat(m.infoHashes().v1().toByteArray())
                    .isEqualTo(MessageDigest.getInstance("SHA-1").digest(info.getBytes(StandardCharsets.US_ASCII)));
            assertThat(m.warnings()).anyMatch(w -> w.contains("keys out of order"));
        }

        @Test
        void unknownMetaVersionIsReportedFirst() {
            assertRejected(torrent(BDict.builder().put("meta version", 3).put("name", 5)),
                    "info.meta version: version 3 is not supported (spate reads version 2)");
        }
    }

    @Nested
    class Trackers {
        @Test
        void announceListTiersWinOverAnnounce() {
            BList tiers = BList.of(strings(" http://a ", "http://b"), strings(), strings("http://a"), BString.of("udp://c"));
            Metainfo m = parse(BencodeEncoder.encode(BDict.builder().put("announce", "http://z")
                    .put("announce-list", tiers).put("info", singleFile("x", 1).build()).build()));
            assertThat(m.trackerTiers()).containsExactly(List.of("http://a", "http://b"), List.of("udp://c"));
        }

        @Test
        void malformedOptionalFieldsAreSkippedWithAWarning() {
            Metainfo m = parse(BencodeEncoder.encode(BDict.builder().put("announce-list", 5).put("url-list", 7)
                    .put("creation date", -5).put("info", singleFile("x", 1).build()).build()));
            assertThat(m.trackerTiers()).isEmpty();
            assertThat(m.webSeeds()).isEmpty();
            assertThat(m.creationDate()).isEmpty();
            assertThat(m.warnings()).hasSize(3);
        }
    }

    @Nested
    class FromInfoDictionary {
        @Test
        void keepsTheInfoBytesAndAddsTheTrackers() {
            byte[] original = torrent(singleFile("x", 100));
            Metainfo m = parse(original);
            Metainfo fetched = Metainfo.fromInfoDictionary(m.infoBytes(), List.of(List.of("http://a", "http://b"), List.of("udp://c")));
            assertThat(fetched.infoHashes()).isEqualTo(m.infoHashes());
            assertThat(fetched.trackerTiers()).containsExactly(List.of("http://a", "http://b"), List.of("udp://c"));
            Metainfo again = Metainfo.parse(fetched.toTorrentBytes());
            assertThat(again.infoHashes()).isEqualTo(m.infoHashes());
            assertThat(again.trackerTiers()).isEqualTo(fetched.trackerTiers());
            assertThat(Metainfo.fromInfoDictionary(m.infoBytes(), List.of()).trackerTiers()).isEmpty();
            assertThat(Metainfo.fromInfoDictionary(m.infoBytes(), List.of(List.of("http://only"))).trackerTiers())
                    .containsExactly(List.of("http://only"));
        }

        @Test
        void unsortedInfoBytesKeepTheirHash() {
            String info = "d4:name1:a6:lengthi1e12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaae";
            byte[] bytes = info.getBytes(StandardCharsets.US_ASCII);
            Metainfo m = Metainfo.fromInfoDictionary(bytes, List.of());
            assertThat(m.infoBytes()).isEqualTo(bytes);
        }

        @Test
        void refusesWhatIsNotOneDictionary() {
            assertThatThrownBy(() -> Metainfo.fromInfoDictionary("le".getBytes(StandardCharsets.US_ASCII), List.of()))
                    .isInstanceOf(MetainfoException.class).hasMessage("info: expected a dictionary, found a list");
            assertThatThrownBy(() -> Metainfo.fromInfoDictionary("d1:ai1e".getBytes(StandardCharsets.US_ASCII), List.of()))
                    .isInstanceOf(MetainfoException.class).hasMessageStartingWith("bencode error at byte 0");
            byte[] info = parse(torrent(singleFile("x", 1))).infoBytes();
            byte[] withTail = java.util.Arrays.copyOf(info, info.length + 3);
            assertThatThrownBy(() -> Metainfo.fromInfoDictionary(withTail, List.of()))
                    .isInstanceOf(MetainfoException.class).hasMessage("info: 3 bytes after the end of the dictionary");
        }
    }

    @Test
    void filesAndListsAreUnmodifiable() {
        Metainfo m = parse(torrent(multiFile("t", file(1, "a"))));
        assertThatThrownBy(() -> m.files().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.files().get(0).path().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.trackerTiers().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.warnings().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readRefusesFilesLargerThanTheCap(@TempDir Path tmp) throws Exception {
        Path big = tmp.resolve("big.torrent");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0}), Metainfo.MAX_TORRENT_BYTES); // sparse
        }
        assertThatThrownBy(() -> Metainfo.read(big)).isInstanceOf(MetainfoException.class)
                .hasMessageContaining("larger than 64 MiB");
        Path ok = tmp.resolve("ok.torrent");
        Files.write(ok, torrent(singleFile("a", 1)));
        assertThat(Metainfo.read(ok).name()).isEqualTo("a");
    }

    @Test
    void toMagnetNamesTheHashesNameTrackersAndWebSeeds() {
        Metainfo m = parse(BencodeEncoder.encode(BDict.builder().put("announce-list", BList.of(strings("http://a"), strings("udp://b:1")))
                .put("url-list", "http://w/x y").put("info", singleFile("my file", 1).build()).build()));
        String link = m.toMagnet().toString();
        assertThat(link).isEqualTo("magnet:?xt=urn:btih:" + m.infoHashes().v1().toHex()
                + "&dn=my%20file&tr=http://a&tr=udp://b:1&ws=http://w/x%20y");
        assertThat(MagnetUri.parse(link)).isEqualTo(m.toMagnet());
    }
}
