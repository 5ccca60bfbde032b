package dev.spate.disk.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class StorageLayoutPropertyTest {

    @Property
    void theSpansOfEveryPieceAreContiguousInOrderAndCoverExactlyItsBytes(
            @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 50_000) Long> lengths,
            @ForAll @IntRange(min = 1, max = 40_000) int pieceLength) {
        long[] files = lengths.stream().mapToLong(Long::longValue).toArray();
        Assume.that(java.util.Arrays.stream(files).sum() > 0);
        StorageLayout layout = StorageLayout.of(files, pieceLength);

        long streamPosition = 0;
        long sizes = 0;
        for (int piece = 0; piece < layout.pieceCount(); piece++) {
            List<Spans> spans = Spans.ofPiece(layout, piece);
            int position = 0;
            for (Spans s : spans) {
                assertThat(s.length()).isPositive();
                assertThat(s.position()).isEqualTo(position);
                assertThat(layout.fileStart(s.file()) + s.fileOffset()).isEqualTo(streamPosition);
                assertThat(s.fileOffset() + s.length()).isLessThanOrEqualTo(layout.fileLength(s.file()));
                assertThat(layout.filePieces(s.file()).contains(piece)).isTrue();
                position += s.length();
                streamPosition += s.length();
            }
            assertThat(position).isEqualTo(layout.pieceSize(piece));
            sizes += layout.pieceSize(piece);
        }
        assertThat(streamPosition).isEqualTo(layout.totalLength());
        assertThat(sizes).isEqualTo(layout.totalLength());
    }

    @Property
    void anyRangeOfAPieceMapsToTheBytesItNames(
            @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 0, max = 30_000) Long> lengths,
            @ForAll @IntRange(min = 1, max = 40_000) int pieceLength,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int pieceSeed,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int offsetSeed,
            @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int lengthSeed) {
        long[] files = lengths.stream().mapToLong(Long::longValue).toArray();
        Assume.that(java.util.Arrays.stream(files).sum() > 0);
        StorageLayout layout = StorageLayout.of(files, pieceLength);
        int piece = pieceSeed % layout.pieceCount();
        int size = layout.pieceSize(piece);
        int offset = offsetSeed % size;
        int length = 1 + lengthSeed % (size - offset);

        long expected = layout.pieceStart(piece) + offset;
        int covered = 0;
        for (Spans s : Spans.of(layout, piece, offset, length)) {
            assertThat(s.position()).isEqualTo(covered);
            assertThat(layout.fileStart(s.file()) + s.fileOffset()).isEqualTo(expected);
            expected += s.length();
            covered += s.length();
        }
        assertThat(covered).isEqualTo(length);
    }

    @Property
    void blocksTileEveryPiece(@ForAll @LongRange(min = 1, max = 1L << 40) long total,
            @ForAll @IntRange(min = 14, max = 24) int pieceShift,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int pieceSeed) {
        StorageLayout layout = StorageLayout.singleFile(total, 1 << pieceShift);
        int piece = pieceSeed % layout.pieceCount();
        int sum = 0;
        for (int b = 0; b < layout.blockCount(piece); b++) {
            int length = layout.blockLength(piece, b);
            assertThat(length).isBetween(1, StorageLayout.BLOCK_SIZE);
            if (b < layout.blockCount(piece) - 1) {
                assertThat(length).isEqualTo(StorageLayout.BLOCK_SIZE);
            }
            sum += length;
        }
        assertThat(sum).isEqualTo(layout.pieceSize(piece));
        assertThat(layout.pieceStart(piece) + layout.pieceSize(piece)).isLessThanOrEqualTo(total);
    }
}
