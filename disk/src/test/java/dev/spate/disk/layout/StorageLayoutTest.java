package dev.spate.disk.layout;

import static dev.spate.disk.layout.StorageLayout.BLOCK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StorageLayoutTest {

    @Test
    void singleFileWithAShortLastPiece() {
        StorageLayout layout = StorageLayout.singleFile(100_000, 32_768);

        assertThat(layout.pieceCount()).isEqualTo(4);
        assertThat(layout.totalLength()).isEqualTo(100_000);
        assertThat(layout.pieceSize(0)).isEqualTo(32_768);
        assertThat(layout.pieceSize(3)).isEqualTo(100_000 - 3 * 32_768);
        assertThat(layout.blockCount(0)).isEqualTo(2);
        assertThat(layout.blockCount(3)).isEqualTo(1);
        assertThat(layout.blockLength(0, 1)).isEqualTo(BLOCK_SIZE);
        assertThat(layout.blockLength(3, 0)).isEqualTo(1696);
        assertThat(layout.filePieces(0)).isEqualTo(new PieceRange(0, 4));
    }

    @Test
    void aPieceThatIsAnExactMultipleHasNoShortPiece() {
        StorageLayout layout = StorageLayout.singleFile(4 * 65_536, 65_536);
        assertThat(layout.pieceCount()).isEqualTo(4);
        assertThat(layout.pieceSize(3)).isEqualTo(65_536);
        assertThat(layout.blockLength(3, 3)).isEqualTo(BLOCK_SIZE);
    }

    @Test
    void aBlockShorterThanSixteenKibInsideAPieceWhoseLengthIsNotAMultiple() {
        StorageLayout layout = StorageLayout.singleFile(50_000, 20_000);
        assertThat(layout.blockCount(0)).isEqualTo(2);
        assertThat(layout.blockLength(0, 0)).isEqualTo(BLOCK_SIZE);
        assertThat(layout.blockLength(0, 1)).isEqualTo(20_000 - BLOCK_SIZE);
        assertThat(layout.pieceSize(2)).isEqualTo(10_000);
    }

    @Test
    void piecesStraddleFiles() {
        StorageLayout layout = StorageLayout.of(new long[] {10, 25, 5}, 16);

        assertThat(layout.pieceCount()).isEqualTo(3);
        assertThat(Spans.ofPiece(layout, 0)).containsExactly(
                new Spans(0, 0, 10, 0), new Spans(1, 0, 6, 10));
        assertThat(Spans.ofPiece(layout, 1)).containsExactly(new Spans(1, 6, 16, 0));
        assertThat(Spans.ofPiece(layout, 2)).containsExactly(
                new Spans(1, 22, 3, 0), new Spans(2, 0, 5, 3));
        assertThat(layout.filePieces(0)).isEqualTo(new PieceRange(0, 1));
        assertThat(layout.filePieces(1)).isEqualTo(new PieceRange(0, 3));
        assertThat(layout.filePieces(2)).isEqualTo(new PieceRange(2, 3));
    }

    @Test
    void aRangeInsideAPieceStartsInTheRightFile() {
        StorageLayout layout = StorageLayout.of(new long[] {10, 25, 5}, 16);
        assertThat(Spans.of(layout, 2, 2, 2)).containsExactly(new Spans(1, 24, 1, 0), new Spans(2, 0, 1, 1));
        assertThat(Spans.of(layout, 0, 10, 3)).containsExactly(new Spans(1, 0, 3, 0));
    }

    @Test
    void zeroLengthFilesGiveNoSpansAndNoPieces() {
        StorageLayout layout = StorageLayout.of(new long[] {0, 8, 0, 0, 8, 0}, 16);

        assertThat(layout.pieceCount()).isEqualTo(1);
        assertThat(Spans.ofPiece(layout, 0)).containsExactly(new Spans(1, 0, 8, 0), new Spans(4, 0, 8, 8));
        assertThat(layout.filePieces(0).isEmpty()).isTrue();
        assertThat(layout.filePieces(2).isEmpty()).isTrue();
        assertThat(layout.filePieces(5).isEmpty()).isTrue();
        assertThat(layout.filePieces(4)).isEqualTo(new PieceRange(0, 1));
    }

    @Test
    void paddingFilesAreSpansMarkedAsPadding() {
        StorageLayout layout = StorageLayout.of(new long[] {10, 6, 16}, new boolean[] {false, true, false}, 16);

        SpanCursor c = layout.cursor().reset(0, 0, 16);
        assertThat(c.next()).isTrue();
        assertThat(c.isPadding()).isFalse();
        assertThat(c.next()).isTrue();
        assertThat(c.file()).isEqualTo(1);
        assertThat(c.isPadding()).isTrue();
        assertThat(c.next()).isFalse();
        assertThat(Spans.ofPiece(layout, 1)).containsExactly(new Spans(2, 0, 16, 0));
    }

    @Test
    void filesLargerThanTwoGibUseLongOffsets() {
        long fiveGib = 5L << 30;
        StorageLayout layout = StorageLayout.of(new long[] {fiveGib, 3, fiveGib}, 4 << 20);

        long total = 2 * fiveGib + 3;
        assertThat(layout.totalLength()).isEqualTo(total);
        assertThat(layout.pieceCount()).isEqualTo((int) ((total + (4 << 20) - 1) / (4 << 20)));
        int straddling = (int) (fiveGib / (4 << 20)); // starts exactly at the 3-byte file
        assertThat(Spans.of(layout, straddling, 0, 8)).containsExactly(
                new Spans(1, 0, 3, 0), new Spans(2, 0, 5, 3));
        int last = layout.pieceCount() - 1;
        assertThat(layout.pieceSize(last)).isEqualTo((int) (total - (long) last * (4 << 20)));
        assertThat(Spans.ofPiece(layout, last)).containsExactly(
                new Spans(2, fiveGib - layout.pieceSize(last), layout.pieceSize(last), 0));
        assertThat(layout.filePieces(2)).isEqualTo(new PieceRange(straddling, last + 1));
    }

    @Test
    void aCursorIsReusable() {
        StorageLayout layout = StorageLayout.of(new long[] {10, 25, 5}, 16);
        SpanCursor c = layout.cursor();
        for (int round = 0; round < 2; round++) {
            c.reset(2, 0, 8);
            assertThat(c.next()).isTrue();
            assertThat(c.file()).isEqualTo(1);
            assertThat(c.next()).isTrue();
            assertThat(c.file()).isEqualTo(2);
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThatThrownBy(() -> StorageLayout.singleFile(10, 0)).hasMessageContaining("piece length");
        assertThatThrownBy(() -> StorageLayout.of(new long[] {5, -1}, 16)).hasMessageContaining("files[1]");
        assertThatThrownBy(() -> StorageLayout.of(new long[] {0, 0}, 16)).hasMessageContaining("at least one byte");
        assertThatThrownBy(() -> StorageLayout.of(new long[0], 16)).hasMessageContaining("at least one file");
        assertThatThrownBy(() -> StorageLayout.of(new long[] {1}, new boolean[2], 16)).hasMessageContaining("padding");
        assertThatThrownBy(() -> StorageLayout.of(new long[] {Long.MAX_VALUE, 1}, 16)).hasMessageContaining("overflow");
        assertThatThrownBy(() -> StorageLayout.singleFile(Long.MAX_VALUE, 1)).hasMessageContaining("too many pieces");

        StorageLayout layout = StorageLayout.singleFile(100, 64);
        assertThatThrownBy(() -> layout.pieceSize(2)).hasMessageContaining("piece 2 is out of range");
        assertThatThrownBy(() -> layout.blockLength(0, 1)).hasMessageContaining("block 1 of piece 0");
        assertThatThrownBy(() -> layout.cursor().reset(1, 30, 10)).hasMessageContaining("outside piece 1");
        assertThatThrownBy(() -> layout.cursor().reset(0, 0, 0)).hasMessageContaining("outside piece 0");
    }
}
