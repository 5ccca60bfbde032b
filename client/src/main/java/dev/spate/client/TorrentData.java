package dev.spate.client;

import dev.spate.disk.DiskListener;
import dev.spate.disk.PieceHashes;
import dev.spate.disk.TorrentDisk;
import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.FileStorage;
import dev.spate.disk.storage.PartFileStorage;
import dev.spate.metainfo.FileEntry;
import dev.spate.metainfo.Metainfo;
import dev.spate.protocol.peer.PieceSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Everything a torrent builds from its metainfo: the layout of pieces over files, the files on
 * disk (skipped files kept out through a part file), the disk's view of the torrent, the set of
 * verified pieces peers read, and each file's progress. A magnet link has none of this until its
 * metadata arrives. Thread-safe: the parts are either immutable or made for any thread.
 */
final class TorrentData {
    final Metainfo metainfo;
    final StorageLayout layout;
    final FileStorage files;
    final PartFileStorage part;
    final Path partFile;
    final TorrentDisk disk;
    final PieceSet have;
    final DiskBudget budget;
    final DiskBlockSource source;
    /** For encrypted peers, whose bytes go through a cipher: never a file region. */
    final DiskBlockSource memorySource;
    final FileProgress progress;

    TorrentData(Engine engine, Metainfo metainfo, Path downloadDir, DiskListener listener) {
        this.metainfo = metainfo;
        this.layout = layout(metainfo);
        this.files = engine.disk().fileStorage(downloadDir, paths(metainfo), layout);
        this.partFile = files.downloadDir().resolve("." + metainfo.infoHashes().primary().toHex() + ".parts");
        this.part = new PartFileStorage(files, layout, partFile);
        this.disk = engine.disk().register(layout, hashes(metainfo), engine.config().storageWrapper().apply(part),
                listener);
        this.have = new PieceSet(metainfo.pieceCount());
        this.budget = new DiskBudget(engine.disk(), disk);
        this.source = new DiskBlockSource(disk, true);
        this.memorySource = new DiskBlockSource(disk, false);
        this.progress = new FileProgress(layout);
    }

    /** How the torrent's pieces lie over its files. */
    static StorageLayout layout(Metainfo metainfo) {
        List<FileEntry> entries = metainfo.files();
        long[] lengths = new long[entries.size()];
        boolean[] padding = new boolean[entries.size()];
        for (FileEntry f : entries) {
            lengths[f.index()] = f.length();
            padding[f.index()] = f.padding();
        }
        return StorageLayout.of(lengths, padding, metainfo.pieceLength());
    }

    /** Each file's path as components under the download directory. */
    static List<List<String>> paths(Metainfo metainfo) {
        List<List<String>> paths = new ArrayList<>(metainfo.files().size());
        metainfo.files().forEach(f -> paths.add(f.path()));
        return paths;
    }

    static PieceHashes hashes(Metainfo metainfo) {
        byte[] hashes = new byte[metainfo.pieceCount() * PieceHashes.SHA1_LENGTH];
        for (int p = 0; p < metainfo.pieceCount(); p++) {
            metainfo.copyPieceHash(p, hashes, p * PieceHashes.SHA1_LENGTH);
        }
        return PieceHashes.of(hashes);
    }

    /** The verified pieces as peers see them, as a copy. */
    BitSet haveBits() {
        BitSet bits = new BitSet(have.pieceCount());
        for (int p = 0; p < have.pieceCount(); p++) {
            if (have.has(p)) {
                bits.set(p);
            }
        }
        return bits;
    }

    long bytesVerified() {
        int count = have.cardinality();
        if (count == 0) {
            return 0;
        }
        int last = have.pieceCount() - 1;
        long bytes = (long) count * layout.pieceLength();
        return have.has(last) ? bytes - layout.pieceLength() + layout.pieceSize(last) : bytes;
    }

    /** True when every piece with a priority above skip is verified. */
    boolean isComplete(int[] piecePriorities) {
        for (int p = 0; p < piecePriorities.length; p++) {
            if (piecePriorities[p] > 0 && !have.has(p)) {
                return false;
            }
        }
        return true;
    }

    /** Each file's path (null for padding), then the part file's: what resume data stamps. */
    List<Path> stampedPaths() {
        List<Path> out = new ArrayList<>(layout.fileCount() + 1);
        for (int f = 0; f < layout.fileCount(); f++) {
            out.add(files.path(f));
        }
        out.add(partFile);
        return out;
    }

    /**
     * Tells the part file which files are skipped. A file wanted again gets back the bytes its edge
     * pieces keep in the part file, each moved on its piece's disk thread.
     */
    CompletableFuture<Void> applySkips(FilePriority[] priorities) {
        List<CompletableFuture<Void>> moves = new ArrayList<>();
        for (int f = 0; f < priorities.length; f++) {
            if (priorities[f] == FilePriority.SKIP) {
                part.skip(f);
            } else if (part.isSkipped(f)) {
                int file = f;
                for (int piece : part.unskip(f)) {
                    moves.add(disk.onPieceThread(piece, () -> part.migrate(piece, file)));
                }
            }
        }
        return CompletableFuture.allOf(moves.toArray(new CompletableFuture<?>[0]));
    }

    /** Creates the wanted zero-length files, which no piece touches. Blocking I/O. */
    void createEmptyFiles(FilePriority[] priorities) throws IOException {
        files.createEmptyFiles(f -> priorities[f] != FilePriority.SKIP);
    }
}
