package dev.spate.selection;

/**
 * An immutable snapshot of one swarm, published by the selection thread for any thread to read.
 *
 * @param piecesVerified  pieces we have
 * @param piecesWanted    pieces not skipped (have or not)
 * @param wantedLeft      wanted pieces not verified yet
 * @param downloaded      payload bytes received since the swarm started
 * @param uploaded        payload bytes sent since the swarm started
 * @param downloadRate    bytes per second, recent
 * @param uploadRate      bytes per second, recent
 * @param peers           connected peers
 * @param seeds           connected peers that have every piece
 * @param candidates      addresses known and not connected
 * @param finished        every wanted piece is verified
 */
public record SwarmStatus(int piecesVerified, int piecesWanted, int wantedLeft, long downloaded, long uploaded,
        long downloadRate, long uploadRate, int peers, int seeds, int candidates, boolean finished) {

    public static final SwarmStatus EMPTY = new SwarmStatus(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
}
