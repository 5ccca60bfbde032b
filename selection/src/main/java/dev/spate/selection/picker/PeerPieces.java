package dev.spate.selection.picker;

/** What the picker needs to know of a peer: who it is and which pieces it has. */
public interface PeerPieces {

    /** A small non-negative id, unique among the torrent's connected peers. */
    int id();

    boolean has(int piece);
}
