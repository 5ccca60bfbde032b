package dev.spate.selection.picker;

/** Receives the blocks the picker chose, already marked as requested from the peer. */
@FunctionalInterface
public interface BlockSink {
    void accept(int piece, int block);
}
