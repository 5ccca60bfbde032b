package dev.spate.disk;

import dev.spate.disk.layout.StorageLayout;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

/** A layout with generated content (zeros in padding files) and the matching piece hashes. */
final class TestTorrent {

    final StorageLayout layout;
    private final byte[] stream;
    private final PieceHashes hashes;

    private TestTorrent(StorageLayout layout, long seed) {
        this.layout = layout;
        this.stream = new byte[Math.toIntExact(layout.totalLength())];
        new Random(seed).nextBytes(stream);
        for (int f = 0; f < layout.fileCount(); f++) {
            if (layout.isPadding(f)) {
                int start = (int) layout.fileStart(f);
                Arrays.fill(stream, start, start + (int) layout.fileLength(f), (byte) 0);
            }
        }
        byte[] all = new byte[layout.pieceCount() * PieceHashes.SHA1_LENGTH];
        MessageDigest sha1 = PieceState.newSha1();
        for (int p = 0; p < layout.pieceCount(); p++) {
            sha1.update(stream, (int) layout.pieceStart(p), layout.pieceSize(p));
            System.arraycopy(sha1.digest(), 0, all, p * PieceHashes.SHA1_LENGTH, PieceHashes.SHA1_LENGTH);
        }
        this.hashes = PieceHashes.of(all);
    }

    static TestTorrent of(StorageLayout layout) {
        return new TestTorrent(layout, 42);
    }

    PieceHashes hashes() {
        return hashes;
    }

    byte[] block(int piece, int block) {
        return range(piece, block * StorageLayout.BLOCK_SIZE, layout.blockLength(piece, block));
    }

    byte[] range(int piece, int offset, int length) {
        int from = (int) layout.pieceStart(piece) + offset;
        return Arrays.copyOfRange(stream, from, from + length);
    }

    byte[] file(int file) {
        int from = (int) layout.fileStart(file);
        return Arrays.copyOfRange(stream, from, from + (int) layout.fileLength(file));
    }
}
