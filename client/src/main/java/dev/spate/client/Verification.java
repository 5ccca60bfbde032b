package dev.spate.client;

import dev.spate.disk.DiskConfig;
import dev.spate.disk.DiskError;
import dev.spate.disk.DiskListener;
import dev.spate.disk.DiskManager;
import dev.spate.disk.ProgressListener;
import dev.spate.disk.TorrentDisk;
import dev.spate.disk.layout.PieceRange;
import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.FileStorage;
import dev.spate.metainfo.Metainfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * Checks a torrent's data on disk against its piece hashes, without a client and without writing
 * anything: which pieces are bad, and which files they touch. Blocking.
 */
public final class Verification {

    /**
     * @param pieceCount pieces in the torrent
     * @param badPieces  pieces that are missing or do not match their hash
     * @param files      the files that bad pieces touch, in torrent order (padding files left out)
     * @param errors     read errors met on the way (each also makes its piece bad)
     */
    public record Report(int pieceCount, int badPieces, List<BadFile> files, List<String> errors) {
        public Report {
            files = List.copyOf(files);
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return badPieces == 0;
        }
    }

    /**
     * A file with bad pieces.
     *
     * @param badPieces the bad pieces that hold bytes of this file
     * @param missing   the file does not exist, or is shorter than it should be
     */
    public record BadFile(int index, Path path, int badPieces, boolean missing) {
    }

    private Verification() {
    }

    /** Hashes every piece of the torrent under {@code downloadDir}; progress is called on disk threads. */
    public static Report run(Metainfo metainfo, Path downloadDir, ProgressListener progress)
            throws IOException, InterruptedException {
        if (!metainfo.hasV1Pieces()) {
            throw new IllegalArgumentException(metainfo.name() + ": v2-only torrents cannot be verified yet");
        }
        StorageLayout layout = TorrentData.layout(metainfo);
        List<String> errors = new CopyOnWriteArrayList<>();
        DiskListener listener = new DiskListener() {
            @Override
            public void pieceVerified(int piece) {
            }

            @Override
            public void pieceFailed(int piece, int[] peerIds) {
            }

            @Override
            public void diskError(DiskError error) {
                errors.add(error.message());
            }
        };
        DiskManager disk = DiskManager.start(DiskConfig.defaults().withReadCacheBytes(0).withZeroCopyReads(false));
        try {
            FileStorage files = disk.fileStorage(downloadDir, TorrentData.paths(metainfo), layout);
            TorrentDisk torrent = disk.register(layout, TorrentData.hashes(metainfo), files, listener);
            BitSet good = torrent.check(progress).get();
            BitSet bad = new BitSet();
            bad.set(0, layout.pieceCount());
            bad.andNot(good);
            List<BadFile> badFiles = new ArrayList<>();
            for (int f = 0; f < layout.fileCount(); f++) {
                PieceRange range = layout.filePieces(f);
                int count = bad.get(range.first(), range.end()).cardinality();
                if (count > 0 && !layout.isPadding(f)) {
                    long size = files.size(f);
                    badFiles.add(new BadFile(f, files.path(f), count, size < layout.fileLength(f)));
                }
            }
            return new Report(layout.pieceCount(), bad.cardinality(), badFiles, errors);
        } catch (ExecutionException e) {
            throw new IOException("checking " + metainfo.name() + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            disk.close();
        }
    }
}
