package dev.spate.protocol.peer;

import java.util.ArrayList;
import java.util.List;

/**
 * What selection tells one peer to do: a reusable batch, filled on the selection thread, carried
 * out on the peer's event loop, then given back. Requests carry their {@link BlockTarget}; from the
 * moment the batch is handed over, the peer owns those targets.
 */
public final class PeerOrders {
    private int[] pieces = new int[64];
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private BlockTarget[] targets = new BlockTarget[64];
    private int requestCount;

    /** Cancel every outstanding request (the peer is snubbed); applied before new requests. */
    public boolean cancelAll;
    /** Requests to cancel, as {@link Blocks#pack packed} (piece, offset). */
    public final LongList cancels = new LongList(8);
    /** Pieces to announce with {@code have}. */
    public final IntList haves = new IntList(8);
    /** Null for no change, else whether to choke the remote. */
    public Boolean choke;
    /** Null for no change, else whether we are interested in the remote. */
    public Boolean interested;
    /** Payload bytes the peer may upload from now on; negative means no limit. Null: unchanged. */
    public Long uploadQuota;
    /** Extension messages to send (the layers above know their types). */
    public final List<Object> extensionMessages = new ArrayList<>(0);
    /** Send our bitfield (or have all / have none) now: the first orders a peer gets. */
    public boolean sendBitfield;
    /** Close the connection, for this reason. */
    public String disconnect;

    public void addRequest(int piece, int offset, int length, BlockTarget target) {
        if (requestCount == pieces.length) {
            int n = requestCount * 2;
            pieces = java.util.Arrays.copyOf(pieces, n);
            offsets = java.util.Arrays.copyOf(offsets, n);
            lengths = java.util.Arrays.copyOf(lengths, n);
            targets = java.util.Arrays.copyOf(targets, n);
        }
        pieces[requestCount] = piece;
        offsets[requestCount] = offset;
        lengths[requestCount] = length;
        targets[requestCount] = target;
        requestCount++;
    }

    public int requestCount() {
        return requestCount;
    }

    public int requestPiece(int i) {
        return pieces[i];
    }

    public int requestOffset(int i) {
        return offsets[i];
    }

    public int requestLength(int i) {
        return lengths[i];
    }

    public BlockTarget requestTarget(int i) {
        return targets[i];
    }

    public boolean isEmpty() {
        return requestCount == 0 && cancels.isEmpty() && haves.isEmpty() && choke == null
                && interested == null && uploadQuota == null && extensionMessages.isEmpty() && disconnect == null
                && !sendBitfield && !cancelAll;
    }

    /** Releases the targets of requests that were never carried out (the peer is gone). */
    public void releaseRequests() {
        for (int i = 0; i < requestCount; i++) {
            targets[i].release();
            targets[i] = null;
        }
        requestCount = 0;
    }

    public void clear() {
        for (int i = 0; i < requestCount; i++) {
            targets[i] = null;
        }
        requestCount = 0;
        cancels.clear();
        haves.clear();
        choke = null;
        interested = null;
        uploadQuota = null;
        extensionMessages.clear();
        disconnect = null;
        sendBitfield = false;
        cancelAll = false;
    }
}
