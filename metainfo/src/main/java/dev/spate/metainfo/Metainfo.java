package dev.spate.metainfo;

import dev.spate.metainfo.bencode.BString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed and checked torrent (BEP 3 v1, BEP 52 v2, or hybrid). Immutable.
 *
 * <p>The info hashes are digests of the info dictionary's bytes exactly as they stand in the
 * file. Every file path has been sanitised so that nothing can be written outside the download
 * directory; what was changed or tolerated is listed in {@link #warnings()}.
 *
 * <pre>{@code
 * Metainfo m = Metainfo.read(Path.of("greeting.torrent"));
 * m.infoHashes().primary();   // identity for peers and trackers
 * m.files();                  // where each file goes, and where it sits in the pieces
 * }</pre>
 */
public final class Metainfo {
    /** The largest .torrent accepted: big v2 torrents carry megabytes of piece layers. */
    public static final int MAX_TORRENT_BYTES = 64 * 1024 * 1024;
    public static final int MAX_PIECE_LENGTH = InfoParser.MAX_PIECE_LENGTH;
    public static final int MAX_PIECES = InfoParser.MAX_PIECES;

    private final byte[] torrent; // decoded strings (pieces, layers) are views of this array
    private final int infoStart;
    private final int infoEnd;
    private final InfoParser.ParsedInfo info;
    private final BString[] pieceLayers;
    private final RootFields root;
    private final List<String> warnings;

    Metainfo(byte[] torrent, int infoStart, int infoEnd, InfoParser.ParsedInfo info, BString[] pieceLayers,
            RootFields root, List<String> warnings) {
        this.torrent = torrent;
        this.infoStart = infoStart;
        this.infoEnd = infoEnd;
        this.info = info;
        this.pieceLayers = pieceLayers;
        this.root = root;
        this.warnings = List.copyOf(warnings);
    }

    /** Parses the bytes of a .torrent file (they are copied). */
    public static Metainfo parse(byte[] torrent) {
        return MetainfoParser.parse(torrent.clone());
    }

    /** Reads and parses a .torrent file of at most {@link #MAX_TORRENT_BYTES}. */
    public static Metainfo read(Path file) throws IOException {
        // The size is checked first, and the read is capped too (a pipe or a growing file has no size).
        if (Files.size(file) > MAX_TORRENT_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_TORRENT_BYTES + 1);
            if (bytes.length > MAX_TORRENT_BYTES) {
                throw tooLarge();
            }
            return MetainfoParser.parse(bytes);
        }
    }

    private static MetainfoException tooLarge() {
        return new MetainfoException("the file is larger than " + (MAX_TORRENT_BYTES >> 20) + " MiB, more than any torrent needs");
    }

    /**
     * A torrent from an info dictionary fetched from peers (BEP 9) and the trackers of its magnet
     * link. The info bytes are kept exactly, so the info hashes are those of the dictionary given.
     */
    public static Metainfo fromInfoDictionary(byte[] info, List<List<String>> trackerTiers) {
        return MetainfoParser.fromInfoDictionary(info.clone(), trackerTiers == null ? List.of() : trackerTiers);
    }

    public InfoHashes infoHashes() {
        return info.hashes();
    }

    public TorrentVersion version() {
        return info.version();
    }

    /** The torrent's name, sanitised: the single file's name, or the root directory's. */
    public String name() {
        return info.name();
    }

    public int pieceLength() {
        return info.pieceLength();
    }

    public int pieceCount() {
        return info.pieceCount();
    }

    /** Bytes in the torrent's byte stream, padding files included. */
    public long totalLength() {
        return info.totalLength();
    }

    /** The size of piece {@code index}: the piece length, except for a shorter last piece. */
    public int pieceSize(int index) {
        Objects.checkIndex(index, pieceCount());
        if (index < pieceCount() - 1) {
            return pieceLength();
        }
        return (int) (totalLength() - (long) index * pieceLength());
    }

    /** The files in torrent order, padding files included. */
    public List<FileEntry> files() {
        return info.files();
    }

    /** True if the torrent has v1 (SHA-1) piece hashes: a v1 or hybrid torrent. */
    public boolean hasV1Pieces() {
        return info.pieces() != null;
    }

    /** A copy of the 20-byte SHA-1 of piece {@code index}; only if {@link #hasV1Pieces()}. */
    public byte[] pieceHash(int index) {
        byte[] out = new byte[20];
        copyPieceHash(index, out, 0);
        return out;
    }

    /** Copies the 20-byte SHA-1 of piece {@code index} into {@code dst} at {@code off}. */
    public void copyPieceHash(int index, byte[] dst, int off) {
        if (!hasV1Pieces()) {
            throw new IllegalStateException("a v2-only torrent has no SHA-1 piece hashes");
        }
        Objects.checkIndex(index, pieceCount());
        info.pieces().copyTo(index * 20, dst, off, 20);
    }

    /**
     * A copy of the v2 piece layer of file {@code fileIndex} (32 bytes per piece of that file),
     * if the torrent carries it; files that fit in one piece have none (their root is the hash).
     */
    public Optional<byte[]> pieceLayer(int fileIndex) {
        Objects.checkIndex(fileIndex, pieceLayers.length);
        BString layer = pieceLayers[fileIndex];
        return layer == null ? Optional.empty() : Optional.of(layer.toByteArray());
    }

    /** BEP 12 tiers: {@code announce-list}, or else {@code [[announce]]}, or none. */
    public List<List<String>> trackerTiers() {
        return root.trackerTiers();
    }

    /** BEP 19 {@code url-list}. */
    public List<String> webSeeds() {
        return root.webSeeds();
    }

    /** BEP 27: peers only from the torrent's trackers (no DHT, no PEX, no local discovery). */
    public boolean isPrivate() {
        return info.isPrivate();
    }

    public Optional<String> comment() {
        return root.comment();
    }

    public Optional<String> createdBy() {
        return root.createdBy();
    }

    public Optional<Instant> creationDate() {
        return root.creationDate();
    }

    /** A copy of the info dictionary exactly as it stands in the file (what BEP 9 serves). */
    public byte[] infoBytes() {
        return Arrays.copyOfRange(torrent, infoStart, infoEnd);
    }

    public int infoSize() {
        return infoEnd - infoStart;
    }

    /** The bytes of the .torrent file: the original, or for a magnet download one assembled around the info. */
    public byte[] toTorrentBytes() {
        return torrent.clone();
    }

    /** A magnet link for this torrent: its hashes, name, trackers and web seeds. */
    public MagnetUri toMagnet() {
        List<String> trackers = trackerTiers().stream().flatMap(List::stream).toList();
        return new MagnetUri(infoHashes(), Optional.of(name()), trackers, List.of(), webSeeds(),
                OptionalLong.empty(), List.of());
    }

    /** What parsing changed or tolerated (sanitised paths, unsorted keys, skipped fields). */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "Metainfo[" + name() + " " + infoHashes().primary() + " " + version() + " " + pieceCount()
                + " pieces of " + pieceLength() + ", " + files().size() + " files]";
    }
}
