package dev.spate.disk.layout;

/**
 * Walks the file segments ("spans") that hold a range of a piece, in order, without allocating:
 * <pre>{@code
 * cursor.reset(piece, offset, length);
 * while (cursor.next()) {
 *     storage.write(cursor.file(), cursor.fileOffset(), slice(buffer, cursor.position(), cursor.length()));
 * }
 * }</pre>
 * Zero-length files yield no span; padding files yield spans like any other file (the storage
 * decides what to do with them). Not thread-safe: one cursor per thread, reused.
 */
public final class SpanCursor {

    private final StorageLayout layout;
    private long rangeStart;
    private long next;
    private long end;
    private int nextFile;

    private int file = -1;
    private long fileOffset;
    private int length;
    private int position;

    SpanCursor(StorageLayout layout) {
        this.layout = layout;
    }

    public StorageLayout layout() {
        return layout;
    }

    /**
     * Starts a walk over {@code [offset, offset + length)} of the piece.
     *
     * @throws IllegalArgumentException if the range is not inside the piece
     */
    public SpanCursor reset(int piece, int offset, int length) {
        layout.checkRange(piece, offset, length);
        rangeStart = layout.pieceStart(piece) + offset;
        next = rangeStart;
        end = rangeStart + length;
        nextFile = layout.fileAt(rangeStart);
        file = -1;
        return this;
    }

    /** Moves to the next span; false when the range is exhausted. */
    public boolean next() {
        if (next >= end) {
            file = -1;
            return false;
        }
        int f = nextFile;
        while (layout.fileEnd(f) <= next) {
            f++; // zero-length files, or the file the previous span ended
        }
        long spanEnd = Math.min(end, layout.fileEnd(f));
        file = f;
        fileOffset = next - layout.fileStart(f);
        length = (int) (spanEnd - next);
        position = (int) (next - rangeStart);
        next = spanEnd;
        nextFile = f;
        return true;
    }

    /** The file of the current span. */
    public int file() {
        return file;
    }

    /** Where the current span starts in its file. */
    public long fileOffset() {
        return fileOffset;
    }

    /** The current span's length, positive. */
    public int length() {
        return length;
    }

    /** Where the current span starts within the range given to {@link #reset}. */
    public int position() {
        return position;
    }

    public boolean isPadding() {
        return layout.isPadding(file);
    }
}
