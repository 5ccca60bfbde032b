package dev.spate.disk.layout;

import java.util.Arrays;

/**
 * How a torrent's byte stream (its files laid end to end) divides into pieces and blocks, and
 * where each byte of a piece lives in the files. Immutable and safe to share between threads.
 *
 * <p>Built from plain numbers (file lengths, which files are BEP 47 padding, the piece length) so
 * that the disk layer does not depend on how a torrent is parsed. All offsets into files and into
 * the byte stream are {@code long}: files and torrents may be larger than 2 GiB. A piece is at most
 * {@code pieceLength} bytes, so offsets within a piece are {@code int}.
 *
 * <p>To map a range of a piece to file segments without allocating, use a {@link SpanCursor}
 * ({@link #cursor()}), one per thread.
 */
public final class StorageLayout {

    /** The size of a block, the unit peers request: 16 KiB. The last block of a piece may be shorter. */
    public static final int BLOCK_SIZE = 16384;

    private final long[] lengths;
    private final long[] starts;
    private final boolean[] padding;
    private final int pieceLength;
    private final long totalLength;
    private final int pieceCount;

    private StorageLayout(long[] lengths, boolean[] padding, int pieceLength) {
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be positive, got " + pieceLength);
        }
        if (lengths.length == 0) {
            throw new IllegalArgumentException("a torrent needs at least one file");
        }
        if (padding.length != lengths.length) {
            throw new IllegalArgumentException("padding flags for " + padding.length + " files, but "
                    + lengths.length + " file lengths");
        }
        this.lengths = lengths.clone();
        this.padding = padding.clone();
        this.pieceLength = pieceLength;
        this.starts = new long[lengths.length];
        long total = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new IllegalArgumentException("files[" + i + "]: negative length " + lengths[i]);
            }
            starts[i] = total;
            try {
                total = Math.addExact(total, lengths[i]);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("files[" + i + "]: total length overflows a long", e);
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("a torrent needs at least one byte of data");
        }
        long pieces = (total + pieceLength - 1) / pieceLength;
        if (pieces > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(pieces + " pieces of " + pieceLength + " bytes: too many pieces");
        }
        this.totalLength = total;
        this.pieceCount = (int) pieces;
    }

    /**
     * @param fileLengths the length of each file, in torrent order
     * @param padding     which files are BEP 47 padding files (never written, always zeros)
     * @param pieceLength the piece length, positive
     * @throws IllegalArgumentException on a negative length, an empty torrent, or too many pieces
     */
    public static StorageLayout of(long[] fileLengths, boolean[] padding, int pieceLength) {
        return new StorageLayout(fileLengths, padding, pieceLength);
    }

    /** A layout of files none of which is padding. */
    public static StorageLayout of(long[] fileLengths, int pieceLength) {
        return new StorageLayout(fileLengths, new boolean[fileLengths.length], pieceLength);
    }

    /** A single-file torrent. */
    public static StorageLayout singleFile(long length, int pieceLength) {
        return of(new long[] {length}, pieceLength);
    }

    public int fileCount() {
        return lengths.length;
    }

    public long fileLength(int file) {
        return lengths[file];
    }

    /** Where the file starts in the torrent's byte stream. */
    public long fileStart(int file) {
        return starts[file];
    }

    public boolean isPadding(int file) {
        return padding[file];
    }

    public int pieceLength() {
        return pieceLength;
    }

    public int pieceCount() {
        return pieceCount;
    }

    public long totalLength() {
        return totalLength;
    }

    /** Where the piece starts in the torrent's byte stream. */
    public long pieceStart(int piece) {
        checkPiece(piece);
        return (long) piece * pieceLength;
    }

    /** The piece's length: {@link #pieceLength()}, except for a shorter last piece. */
    public int pieceSize(int piece) {
        checkPiece(piece);
        if (piece < pieceCount - 1) {
            return pieceLength;
        }
        return (int) (totalLength - (long) (pieceCount - 1) * pieceLength);
    }

    public int blockCount(int piece) {
        return (pieceSize(piece) + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    /** The block's length: {@link #BLOCK_SIZE}, except for a shorter last block of a piece. */
    public int blockLength(int piece, int block) {
        int size = pieceSize(piece);
        int count = (size + BLOCK_SIZE - 1) / BLOCK_SIZE;
        if (block < 0 || block >= count) {
            throw new IllegalArgumentException("block " + block + " of piece " + piece + " (it has " + count + ")");
        }
        return Math.min(BLOCK_SIZE, size - block * BLOCK_SIZE);
    }

    /** The pieces that hold at least one byte of the file; empty for a zero-length file. */
    public PieceRange filePieces(int file) {
        long start = starts[file];
        int first = (int) (start / pieceLength);
        if (lengths[file] == 0) {
            return new PieceRange(first, first);
        }
        long end = start + lengths[file];
        return new PieceRange(first, (int) ((end + pieceLength - 1) / pieceLength));
    }

    /** A new cursor over this layout; not thread-safe, keep one per thread and reuse it. */
    public SpanCursor cursor() {
        return new SpanCursor(this);
    }

    /**
     * Checks that {@code [offset, offset + length)} lies within the piece.
     *
     * @throws IllegalArgumentException naming the piece and the bounds otherwise
     */
    public void checkRange(int piece, int offset, int length) {
        int size = pieceSize(piece);
        if (offset < 0 || length <= 0 || offset > size - length) {
            throw new IllegalArgumentException("range [" + offset + ", +" + length + ") is outside piece "
                    + piece + " of " + size + " bytes");
        }
    }

    /** The file that holds byte {@code position} of the torrent's byte stream (never a zero-length file). */
    int fileAt(long position) {
        // The last file whose start is at or before the position: a zero-length file shares its start
        // with the next file, so it is never the last such file unless it ends the torrent.
        int i = Arrays.binarySearch(starts, position);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < starts.length && starts[i + 1] == position) {
            i++;
        }
        return i;
    }

    long fileEnd(int file) {
        return starts[file] + lengths[file];
    }

    private void checkPiece(int piece) {
        if (piece < 0 || piece >= pieceCount) {
            throw new IllegalArgumentException("piece " + piece + " is out of range [0, " + pieceCount + ")");
        }
    }

    @Override
    public String toString() {
        return "StorageLayout[" + lengths.length + " files, " + totalLength + " bytes, " + pieceCount
                + " pieces of " + pieceLength + "]";
    }
}
