package dev.spate.protocol.peer;

import java.util.ArrayList;
import java.util.List;

/**
 * What a peer tells selection about one stretch of its connection (usually one read burst): a
 * reusable batch, filled on the peer's event loop, read on the selection thread, then given back.
 * Fields hold the latest values; lists hold what happened in order.
 */
public final class PeerReport {
    /** The remote peer's choke of us changed; {@link #peerChoking} holds the new value. */
    public boolean chokeChanged;
    public boolean peerChoking;
    /** The remote's interest in us changed; {@link #peerInterested} holds the new value. */
    public boolean interestChanged;
    public boolean peerInterested;

    /** The remote's bitfield (wire format), or null if none arrived in this batch. */
    public byte[] bitfield;
    public boolean haveAll;
    public boolean haveNone;
    public final IntList haves = new IntList(16);
    public final IntList allowedFast = new IntList(4);
    public final IntList suggested = new IntList(4);

    /** Blocks that arrived and were handed to disk, as {@link Blocks#pack packed} (piece, offset). */
    public final LongList blocksReceived = new LongList(64);
    /** Requests the remote will not answer (rejected, or dropped by a choke without the fast extension). */
    public final LongList requestsDropped = new LongList(16);

    /** Payload bytes received and sent in this batch, for rates and totals. */
    public long bytesDownloaded;
    public long bytesUploaded;
    /** Blocks that arrived though nobody asked for them (or after a cancel). */
    public int unrequestedBlocks;

    /** The remote's request queue limit (reqq of its extension handshake), or 0 if unchanged. */
    public int remoteRequestLimit;
    /** The remote's extension handshake, if one arrived (the layer above knows its type). */
    public Object extensionHandshake;
    /** Extension messages for the layers above (metadata, peer exchange), in arrival order. */
    public final List<Object> extensionMessages = new ArrayList<>(0);

    /** Set by the link on the one report that is not a slot (the last); survives {@link #clear()}. */
    boolean isFinal;
    /** The connection is closed; this is the peer's last report. */
    public boolean closed;
    public String closeReason;
    /** The peer broke the protocol or sent bad data: count a strike against its address. */
    public boolean misbehaved;

    public boolean isEmpty() {
        return !chokeChanged && !interestChanged && bitfield == null && !haveAll && !haveNone
                && haves.isEmpty() && allowedFast.isEmpty() && suggested.isEmpty()
                && blocksReceived.isEmpty() && requestsDropped.isEmpty() && bytesDownloaded == 0
                && bytesUploaded == 0 && unrequestedBlocks == 0 && remoteRequestLimit == 0 && extensionHandshake == null
                && extensionMessages.isEmpty() && !closed;
    }

    public void clear() {
        chokeChanged = false;
        interestChanged = false;
        bitfield = null;
        haveAll = false;
        haveNone = false;
        haves.clear();
        allowedFast.clear();
        suggested.clear();
        blocksReceived.clear();
        requestsDropped.clear();
        bytesDownloaded = 0;
        bytesUploaded = 0;
        unrequestedBlocks = 0;
        remoteRequestLimit = 0;
        extensionHandshake = null;
        extensionMessages.clear();
        closed = false;
        closeReason = null;
        misbehaved = false;
    }
}
