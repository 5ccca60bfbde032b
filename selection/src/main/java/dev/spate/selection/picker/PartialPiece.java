package dev.spate.selection.picker;

import java.util.Arrays;

/**
 * A piece being downloaded: for each block, who it is requested from, or that it has arrived.
 * In end game a block may be requested from a second peer; {@link #second} records that one.
 */
final class PartialPiece {
    static final int FREE = -1;
    static final int RECEIVED = -2;

    final int piece;
    int priority;
    private final int[] first;
    private int[] second; // end game only, allocated on first use
    private final int[] sender; // who delivered each received block
    /** On parole: only this peer may take blocks of the piece (-1: the first to pick it). */
    boolean parole;
    int paroleOwner = FREE;
    private int free;
    private int received;

    PartialPiece(int piece, int blockCount, int priority) {
        this.piece = piece;
        this.priority = priority;
        this.first = new int[blockCount];
        Arrays.fill(first, FREE);
        this.sender = new int[blockCount];
        Arrays.fill(sender, FREE);
        this.free = blockCount;
    }

    int blockCount() {
        return first.length;
    }

    int freeBlocks() {
        return free;
    }

    int receivedBlocks() {
        return received;
    }

    boolean isComplete() {
        return received == first.length;
    }

    boolean isUntouched() {
        return free == first.length;
    }

    boolean isFree(int block) {
        return first[block] == FREE;
    }

    boolean isReceived(int block) {
        return first[block] == RECEIVED;
    }

    /** The peer the block is requested from first, or FREE / RECEIVED. */
    int requester(int block) {
        return first[block];
    }

    /** The end-game second requester, or FREE. */
    int secondRequester(int block) {
        return second == null ? FREE : second[block];
    }

    void request(int block, int peer) {
        assert first[block] == FREE;
        first[block] = peer;
        free--;
    }

    /** End game: a second request for a block already requested from another peer. */
    void requestSecond(int block, int peer) {
        if (second == null) {
            second = new int[first.length];
            Arrays.fill(second, FREE);
        }
        assert first[block] >= 0 && first[block] != peer && second[block] == FREE;
        second[block] = peer;
    }

    /**
     * Marks the block received and returns the other peer that still has a request out for it
     * (to be cancelled), or FREE.
     */
    int receive(int block, int fromPeer) {
        int state = first[block];
        if (state == RECEIVED) {
            return FREE;
        }
        int other = FREE;
        if (state >= 0 && state != fromPeer) {
            other = state;
        }
        int dup = secondRequester(block);
        if (dup >= 0 && dup != fromPeer) {
            other = dup;
        }
        if (state == FREE) {
            free--;
        }
        first[block] = RECEIVED;
        sender[block] = fromPeer;
        if (second != null) {
            second[block] = FREE;
        }
        received++;
        return other;
    }

    /** Drops the peer's request for the block (reject, cancel, choke, timeout, disconnect). */
    void drop(int block, int peer) {
        if (second != null && second[block] == peer) {
            second[block] = FREE;
            return;
        }
        if (first[block] == peer) {
            if (second != null && second[block] >= 0) {
                first[block] = second[block];
                second[block] = FREE;
            } else {
                first[block] = FREE;
                free++;
            }
        }
    }

    /** The distinct peers that delivered blocks, in block order. */
    int[] senders() {
        return Arrays.stream(sender).filter(id -> id >= 0).distinct().toArray();
    }

    /** True if {@code peer} may take free blocks of this piece. */
    boolean mayTake(int peer) {
        return !parole || paroleOwner == FREE || paroleOwner == peer;
    }

    /** Back to nothing requested and nothing received (the piece failed its hash check). */
    void reset() {
        Arrays.fill(first, FREE);
        Arrays.fill(sender, FREE);
        if (second != null) {
            Arrays.fill(second, FREE);
        }
        free = first.length;
        received = 0;
    }

    void checkInvariants() {
        int f = 0;
        int r = 0;
        for (int b = 0; b < first.length; b++) {
            if (first[b] == FREE) {
                f++;
                if (secondRequester(b) != FREE) {
                    throw new AssertionError("piece " + piece + " block " + b + ": second request on a free block");
                }
            } else if (first[b] == RECEIVED) {
                r++;
            }
        }
        if (f != free || r != received) {
            throw new AssertionError("piece " + piece + ": counts free " + free + "/" + f + " received " + received + "/" + r);
        }
    }
}
