package dev.spate.selection;

import dev.spate.protocol.peer.BlockTarget;

/**
 * Memory for blocks we are about to request, handed out by the disk layer (write tokens). No
 * token, no request: a slow disk slows requesting down instead of piling up memory.
 */
public interface BlockBudget {

    /** How many full blocks the budget could take now (only the selection thread takes). */
    int blocksAvailable();

    /** A target for one block, or null if the budget is spent. Never blocks. */
    BlockTarget tryReserve(int piece, int offset, int length);

    /** Runs {@code wakeUp} once, on any thread, as soon as some budget is free again. */
    void whenAvailable(Runnable wakeUp);
}
