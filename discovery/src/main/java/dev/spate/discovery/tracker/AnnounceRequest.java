package dev.spate.discovery.tracker;

import dev.spate.metainfo.InfoHash;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client tells a tracker when it announces (BEP 3, BEP 15).
 *
 * @param infoHash  the torrent; its {@link InfoHash#wireId()} goes on the wire
 * @param peerId    our 20-byte peer id (copied in and out)
 * @param port      the port we accept peer connections on (0 to 65535)
 * @param uploaded  bytes uploaded since the {@code started} event
 * @param downloaded bytes downloaded since the {@code started} event
 * @param left      bytes still missing; 0 makes us a seeder
 * @param event     why we announce
 * @param numWant   how many peers we want; -1 leaves it to the tracker
 * @param key       a random number fixed for the session, so a tracker can tell us apart when our address changes
 * @param trackerId the {@code tracker id} the tracker gave us earlier, sent back as {@code trackerid} (HTTP only)
 */
public record AnnounceRequest(InfoHash infoHash, byte[] peerId, int port, long uploaded, long downloaded,
        long left, AnnounceEvent event, int numWant, int key, Optional<String> trackerId) {

    public static final int PEER_ID_LENGTH = 20;

    public AnnounceRequest {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(trackerId, "trackerId");
        if (peerId.length != PEER_ID_LENGTH) {
            throw new IllegalArgumentException("a peer id has 20 bytes, not " + peerId.length);
        }
        peerId = peerId.clone();
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (uploaded < 0 || downloaded < 0 || left < 0) {
            throw new IllegalArgumentException("negative transfer counter: uploaded " + uploaded
                    + ", downloaded " + downloaded + ", left " + left);
        }
        if (numWant < -1) {
            throw new IllegalArgumentException("numWant must be -1 (tracker's choice) or more: " + numWant);
        }
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    public AnnounceRequest withEvent(AnnounceEvent newEvent) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, newEvent, numWant, key, trackerId);
    }

    public AnnounceRequest withTrackerId(Optional<String> id) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, event, numWant, key, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnnounceRequest r && infoHash.equals(r.infoHash) && Arrays.equals(peerId, r.peerId)
                && port == r.port && uploaded == r.uploaded && downloaded == r.downloaded && left == r.left
                && event == r.event && numWant == r.numWant && key == r.key && trackerId.equals(r.trackerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(infoHash, Arrays.hashCode(peerId), port, uploaded, downloaded, left, event, numWant, key,
                trackerId);
    }

    @Override
    public String toString() {
        return "AnnounceRequest[" + infoHash + ", peer " + HexFormat.of().formatHex(peerId) + ", port " + port
                + ", up " + uploaded + ", down " + downloaded + ", left " + left + ", " + event + ", numWant "
                + numWant + "]";
    }
}
