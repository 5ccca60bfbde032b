package dev.spate.metainfo;

import static dev.spate.metainfo.testing.Torrents.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeDecoder;
import dev.spate.metainfo.bencode.BencodeEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BEP 52: file trees, pieces roots, piece layers, and the agreement of a hybrid's two halves. */
class V2MetainfoTest {
    static final int PIECE = 16384;

    @TempDir
    Path tmp;
    Metainfo hybrid;
    BDict root;

    @BeforeEach
    void makeAHybrid() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("t"));
        Random r = new Random(1);
        byte[] big = new byte[40_000];
        r.nextBytes(big);
        Files.write(dir.resolve("big"), big);
        Files.write(dir.resolve("small"), new byte[] {1, 2, 3});
        hybrid = TorrentBuilder.of(dir).version(TorrentVersion.HYBRID).pieceLength(PIECE).creationDate(null).build();
        root = (BDict) BencodeDecoder.strict().decode(hybrid.toTorrentBytes());
    }

    static byte[] root32(int seed) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) seed);
        return b;
    }

    static BDict fileNode(long length, byte[] piecesRoot) {
        BDict.Builder props = BDict.builder().put("length", length);
        if (piecesRoot != null) {
            props.put("pieces root", piecesRoot);
        }
        return BDict.builder().put("", props.build()).build();
    }

    static byte[] v2Torrent(BDict tree) {
        return v2Torrent(tree, null);
    }

    static byte[] v2Torrent(BDict tree, BDict layers) {
        BDict info = BDict.builder().put("name", "t").put("piece length", PIECE).put("meta version", 2).put("file tree", tree).build();
        BDict.Builder root = BDict.builder().put("info", info);
        if (layers != null) {
            root.put("piece layers", layers);
        }
        return BencodeEncoder.encode(root.build());
    }

    static void assertRejected(byte[] torrent, String message) {
        assertThatThrownBy(() -> Metainfo.parse(torrent)).isInstanceOf(MetainfoException.class).hasMessage(message);
    }

    @Test
    void hybridCarriesBothHashesAndEachFilesRoot() throws Exception {
        assertThat(hybrid.version()).isEqualTo(TorrentVersion.HYBRID);
        assertThat(hybrid.infoHashes().isHybrid()).isTrue();
        byte[] info = hybrid.infoBytes();
        assertThat(hybrid.infoHashes().v2().toByteArray()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(info));
        assertThat(hybrid.infoHashes().v2().wireId()).hasSize(20);
        assertThat(hybrid.infoHashes().primary()).isEqualTo(hybrid.infoHashes().v1());
        FileEntry small = hybrid.files().stream().filter(f -> f.pathString().equals("t/small")).findFirst().orElseThrow();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertThat(small.piecesRoot()).isEqualTo(sha.digest(new byte[] {1, 2, 3})); // one block: its hash is the root
        assertThat(small.offset()).isEqualTo(3 * PIECE);
    }

    @Test
    void v2OnlyFilesGetLibtorrentStylePadding() {
        BDict tree = BDict.builder().put("a", fileNode(20_000, root32(1))).put("b", fileNode(0, null))
                .put("c", BDict.builder().put("d", fileNode(5, root32(2))).build()).build();
        Metainfo m = Metainfo.parse(v2Torrent(tree));
        assertThat(m.version()).isEqualTo(TorrentVersion.V2);
        assertThat(m.files()).extracting(f -> f.pathString() + ":" + f.length() + "@" + f.offset() + (f.padding() ? "p" : ""))
                .containsExactly("t/a:20000@0", "t/.pad/12768:12768@20000p", "t/b:0@32768", "t/c/d:5@32768", "t/.pad/16379:16379@32773p");
        assertThat(m.pieceCount()).isEqualTo(3);
        assertThat(m.totalLength()).isEqualTo(3 * PIECE);
        assertThat(m.hasV1Pieces()).isFalse();
        assertThat(m.warnings()).containsExactly("piece layers: missing for 1 file(s); their piece hashes will come from peers");
    }

    @Test
    void fileTreeErrorsNameTheFile() {
        assertRejected(v2Torrent(BDict.builder().put("", fileNode(1, root32(1))).build()),
                "info.file tree: the root is a file; it must be a directory");
        assertRejected(v2Torrent(BDict.builder().build()), "info.file tree: holds no files");
        BDict siblings = BDict.builder().put("", BDict.builder().put("length", 1).put("pieces root", root32(1)).build())
                .put("x", fileNode(1, root32(2))).build();
        assertRejected(v2Torrent(BDict.builder().put("a", siblings).build()),
                "info.file tree[\"a\"]: a file entry has siblings beside its \"\" key");
        assertRejected(v2Torrent(BDict.builder().put("a", BDict.builder().put("b", fileNode(1, null)).build()).build()),
                "info.file tree[\"a/b\"].pieces root: missing");
        assertRejected(v2Torrent(BDict.builder().put("a", fileNode(1, new byte[32])).build()),
                "info.file tree[\"a\"].pieces root: is all zeros");
        assertRejected(v2Torrent(BDict.builder().put("a", fileNode(1, new byte[31])).build()),
                "info.file tree[\"a\"].pieces root: has 31 bytes, not 32");
        BDict pad = BDict.builder().put("", BDict.builder().put("attr", "p").put("length", 1).build()).build();
        assertRejected(v2Torrent(BDict.builder().put("a", pad).build()),
                "info.file tree[\"a\"].attr: a v2 file tree cannot hold padding files");
        assertRejected(v2Torrent(BDict.builder().put("a", BString.of("x")).build()),
                "info.file tree[\"a\"]: expected a dictionary, found a string");
    }

    @Test
    void pieceLengthMustBeAPowerOfTwoOfAtLeast16KiB() {
        BDict info = BDict.builder().put("name", "t").put("piece length", 3 * PIECE).put("meta version", 2)
                .put("file tree", BDict.builder().put("a", fileNode(1, root32(1))).build()).build();
        assertRejected(BencodeEncoder.encode(BDict.builder().put("info", info).build()),
                "info.piece length: 49152 is not a power of two of at least 16 KiB, as a v2 torrent needs");
    }

    @Test
    void theFileTreeMustBeSorted() {
        String info = "d9:file treed1:bd0:d6:lengthi1e11:pieces root32:" + "b".repeat(32) + "ee1:ad0:d6:lengthi1e11:pieces root32:"
                + "a".repeat(32) + "eee12:meta versioni2e4:name1:t12:piece lengthi16384ee";
        assertRejected(("d4:info" + info + "e").getBytes(StandardCharsets.US_ASCII),
                "info.file tree: keys out of order (byte 89); in a v2 torrent the key order is the file order, so it must be sorted");
    }

    @Test
    void pieceLayersAreCheckedAgainstTheRoot() {
        BDict layers = (BDict) root.get("piece layers");
        BString key = layers.keyAt(0);
        byte[] layer = ((BString) layers.valueAt(0)).toByteArray();
        assertThat(layer).hasSize(3 * 32);
        BDict info = (BDict) root.get("info");
        String field = "piece layers[" + java.util.HexFormat.of().formatHex(key.toByteArray()) + "]";

        byte[] wrong = layer.clone();
        wrong[0] ^= 1;
        assertRejected(withLayers(info, BDict.builder().put(key, BString.of(wrong)).build()),
                field + ": the piece hashes do not add up to the pieces root of t/big");
        assertRejected(withLayers(info, BDict.builder().put(key, BString.of(Arrays.copyOf(layer, 64))).build()),
                field + ": has 64 bytes, but t/big has 3 pieces and needs 96");
        assertRejected(withLayers(info, BDict.builder().put(key, BString.of(layer)).put(BString.of(root32(9)), BString.of(layer)).build()),
                "piece layers[" + "09".repeat(32) + "]: is not the pieces root of any file");
        assertRejected(withLayers(info, BDict.builder().put(key, BList.of()).build()), field + ": expected a string, found a list");
        Metainfo none = Metainfo.parse(withLayers(info, null));
        assertThat(none.infoHashes()).isEqualTo(hybrid.infoHashes());
        assertThat(none.pieceLayer(0)).isEmpty();
        assertThat(hybrid.pieceLayer(0)).contains(layer);
    }

    @Test
    void aLayerForAFileThatFitsInOnePieceIsRefused() {
        FileEntry small = hybrid.files().stream().filter(f -> f.pathString().equals("t/small")).findFirst().orElseThrow();
        BDict info = (BDict) root.get("info");
        BDict layers = BDict.builder().put(BString.of(small.piecesRoot()), BString.of(small.piecesRoot())).build();
        assertThatThrownBy(() -> Metainfo.parse(withLayers(info, layers))).isInstanceOf(MetainfoException.class)
                .hasMessageEndingWith("belongs to t/small, which fits in one piece and has no layer");
    }

    @Test
    void theTwoHalvesOfAHybridMustAgree() {
        BDict info = (BDict) root.get("info");
        BList files = (BList) info.get("files");
        // files: big, pad, small, pad
        BDict renamed = BDict.builder().put("length", 3).put("path", strings("other")).build();
        assertRejected(withFiles(info, BList.of(files.get(0), files.get(1), renamed, files.get(3))),
                "info: the v1 and v2 file lists disagree: info.files[2] is \"other\" but the file tree has \"small\"");
        BDict shorter = BDict.builder().put("length", 2).put("path", strings("small")).build();
        assertThatThrownBy(() -> Metainfo.parse(withFiles(info, BList.of(files.get(0), files.get(1), shorter, files.get(3)))))
                .hasMessageStartingWith("info: the v1 and v2 file lists disagree: info.files[2] has 2 bytes");
        BDict shortPad = BDict.builder().put("attr", "p").put("length", 100).put("path", strings(".pad", "100")).build();
        assertThatThrownBy(() -> Metainfo.parse(withFiles(info, BList.of(files.get(0), shortPad, files.get(2), files.get(3)))))
                .hasMessageStartingWith("info: the v1 and v2 file lists disagree: info.files[2] starts at byte 40100, not on a piece boundary");
        assertThatThrownBy(() -> Metainfo.parse(withFiles(info, BList.of(files.get(0), files.get(1)))))
                .hasMessage("info: the v1 and v2 file lists disagree: info.file tree[\"small\"] has no twin in info.files");
    }

    private byte[] withLayers(BDict info, BDict layers) {
        BDict.Builder b = BDict.builder().put("info", info);
        if (layers != null) {
            b.put("piece layers", layers);
        }
        return BencodeEncoder.encode(b.build());
    }

    private byte[] withFiles(BDict info, BList files) {
        BDict.Builder b = BDict.builder();
        for (int i = 0; i < info.size(); i++) {
            b.put(info.keyAt(i), info.keyAt(i).toString().equals("\"files\"") ? files : (BValue) info.valueAt(i));
        }
        return withLayers(b.build(), (BDict) root.get("piece layers"));
    }
}
