package dev.spate.selection.choke;

/**
 * What the choker knows of one connected peer at a choke round.
 *
 * @param peerId        the peer's id within its torrent
 * @param interested    the peer wants pieces we have
 * @param downloadRate  bytes per second it recently sent us
 * @param uploadRate    bytes per second we recently sent it
 * @param snubbed       it has sent us nothing for a long while though we asked
 * @param unchoked      we currently unchoke it
 * @param newcomer      connected in the last few choke rounds (favoured for optimistic unchoke)
 */
public record ChokeCandidate(int peerId, boolean interested, long downloadRate, long uploadRate,
        boolean snubbed, boolean unchoked, boolean newcomer) {
}
