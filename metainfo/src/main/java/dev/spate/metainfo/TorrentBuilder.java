package dev.spate.metainfo;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BList;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BValue;
import dev.spate.metainfo.bencode.BencodeEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes a torrent from a file or a directory.
 *
 * <pre>{@code
 * Metainfo m = TorrentBuilder.of(Path.of("photos"))
 *         .tracker("udp://tracker.example:6969/announce")
 *         .version(TorrentVersion.HYBRID)
 *         .build();
 * Files.write(Path.of("photos.torrent"), m.toTorrentBytes());
 * }</pre>
 *
 * A v1 info dictionary holds only {@code name}, {@code length} or {@code files},
 * {@code piece length}, {@code pieces} and {@code private}, as mktorrent writes it, so the same
 * file with the same piece length gets the same info hash. A hybrid torrent pads every file to a
 * piece boundary with BEP 47 padding files, as libtorrent does.
 */
public final class TorrentBuilder {
    /** Reports hashing progress: file bytes hashed so far, of the total. Called on the builder's thread. */
    @FunctionalInterface
    public interface Progress {
        void hashed(long bytesDone, long bytesTotal);
    }

    public static final int MIN_AUTO_PIECE_LENGTH = 16 * 1024;
    public static final int MAX_AUTO_PIECE_LENGTH = 16 * 1024 * 1024;
    /** Automatic piece lengths aim for at most this many pieces (and so at least half of it). */
    static final int TARGET_MAX_PIECES = 2000;

    private final Path source;
    private String name;
    private int pieceLength;
    private TorrentVersion version = TorrentVersion.V1;
    private final List<List<String>> trackerTiers = new ArrayList<>();
    private final List<String> webSeeds = new ArrayList<>();
    private boolean isPrivate;
    private String comment;
    private String createdBy;
    private Instant creationDate = Instant.now();
    private int threads = Runtime.getRuntime().availableProcessors();
    private Progress progress = (done, total) -> { };

    private TorrentBuilder(Path source) {
        this.source = Objects.requireNonNull(source);
    }

    public static TorrentBuilder of(Path fileOrDirectory) {
        return new TorrentBuilder(fileOrDirectory);
    }

    /** The torrent's name; by default the file's or directory's own name. */
    public TorrentBuilder name(String name) {
        this.name = name;
        return this;
    }

    /**
     * The piece length, or 0 (the default) for automatic. A v2 or hybrid torrent needs a power
     * of two of at least 16 KiB; a v1 torrent takes any positive length.
     */
    public TorrentBuilder pieceLength(int bytes) {
        if (bytes < 0 || bytes > Metainfo.MAX_PIECE_LENGTH) {
            throw new IllegalArgumentException("piece length " + bytes + " is not between 1 and " + Metainfo.MAX_PIECE_LENGTH);
        }
        this.pieceLength = bytes;
        return this;
    }

    public TorrentBuilder version(TorrentVersion version) {
        this.version = Objects.requireNonNull(version);
        return this;
    }

    /** Adds a tracker in a tier of its own (tried after the tiers before it). */
    public TorrentBuilder tracker(String url) {
        return trackerTier(List.of(url));
    }

    /** Adds a tier of trackers that are equals (BEP 12). */
    public TorrentBuilder trackerTier(List<String> urls) {
        if (!urls.isEmpty()) {
            trackerTiers.add(List.copyOf(urls));
        }
        return this;
    }

    public TorrentBuilder webSeed(String url) {
        webSeeds.add(Objects.requireNonNull(url));
        return this;
    }

    /** BEP 27: peers come only from the torrent's trackers. */
    public TorrentBuilder privateTorrent(boolean isPrivate) {
        this.isPrivate = isPrivate;
        return this;
    }

    public TorrentBuilder comment(String comment) {
        this.comment = comment;
        return this;
    }

    public TorrentBuilder createdBy(String createdBy) {
        this.createdBy = createdBy;
        return this;
    }

    /** When the torrent was made; now by default, null for none (reproducible output). */
    public TorrentBuilder creationDate(Instant when) {
        this.creationDate = when;
        return this;
    }

    /** Hashing threads; all cores by default. */
    public TorrentBuilder threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        this.threads = threads;
        return this;
    }

    public TorrentBuilder progress(Progress progress) {
        this.progress = Objects.requireNonNull(progress);
        return this;
    }

    /**
     * The automatic piece length for {@code totalLength} bytes: the smallest power of two from
     * 16 KiB to 16 MiB that makes at most 2,000 pieces (so 1,000 to 2,000 when the size allows).
     */
    public static int automaticPieceLength(long totalLength) {
        int length = MIN_AUTO_PIECE_LENGTH;
        while (length < MAX_AUTO_PIECE_LENGTH && (totalLength + length - 1) / length > TARGET_MAX_PIECES) {
            length <<= 1;
        }
        return length;
    }

    /** Reads and hashes the files and returns the torrent; {@link Metainfo#toTorrentBytes()} writes it. */
    public Metainfo build() throws IOException, InterruptedException {
        SourceFiles files = SourceFiles.scan(source);
        if (files.totalLength() == 0) {
            throw new IOException(source + ": every file is empty, and a torrent must hold some data");
        }
        int length = pieceLength != 0 ? pieceLength : automaticPieceLength(files.totalLength());
        if (version.hasV2() && (Integer.bitCount(length) != 1 || length < Merkle.BLOCK_SIZE)) {
            throw new IllegalArgumentException("a " + version + " torrent needs a piece length that is a power of two"
                    + " of at least 16 KiB, not " + length);
        }
        String torrentName = name != null ? name : files.name();
        TorrentLayout layout = TorrentLayout.of(files, length, version);
        PieceHasher hasher = new PieceHasher(layout.segments(), length, version.hasV1(), version.hasV2());
        if (hasher.pieceCount() > Metainfo.MAX_PIECES) {
            throw new IllegalArgumentException(files.totalLength() + " bytes in pieces of " + length + " make "
                    + hasher.pieceCount() + " pieces, more than the " + Metainfo.MAX_PIECES + " a torrent may have");
        }
        PieceHasher.Hashes hashes = hasher.hash(threads, progress);
        InfoDictionary info = new InfoDictionary(torrentName, length, isPrivate, layout, hashes);
        BDict.Builder root = BDict.builder().put("info", info.toBDict());
        if (version.hasV2()) {
            root.put("piece layers", info.pieceLayers());
        }
        addTrackers(root);
        if (!webSeeds.isEmpty()) {
            root.put("url-list", BList.of(webSeeds.stream().map(u -> (BValue) BString.of(u)).toList()));
        }
        if (comment != null) {
            root.put("comment", comment);
        }
        if (createdBy != null) {
            root.put("created by", createdBy);
        }
        if (creationDate != null) {
            root.put("creation date", creationDate.getEpochSecond());
        }
        return Metainfo.parse(BencodeEncoder.encode(root.build()));
    }

    private void addTrackers(BDict.Builder root) {
        if (trackerTiers.isEmpty()) {
            return;
        }
        root.put("announce", trackerTiers.get(0).get(0));
        if (trackerTiers.size() > 1 || trackerTiers.get(0).size() > 1) {
            List<BValue> tiers = new ArrayList<>();
            for (List<String> tier : trackerTiers) {
                tiers.add(BList.of(tier.stream().map(u -> (BValue) BString.of(u)).toList()));
            }
            root.put("announce-list", BList.of(tiers));
        }
    }
}
