package dev.spate.selection.metadata;

import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.InfoHashes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts a torrent's info dictionary together from the 16 KiB pieces peers send (BEP 9), and
 * trusts it only when it hashes to the info hash of the magnet link. Pure logic, owned by the
 * selection thread; time comes in as an argument.
 *
 * <p>The size is taken from the first peer that offers a sane one (1 byte to {@link #MAX_SIZE});
 * peers offering another size are not asked. If the assembled dictionary does not hash to the
 * info hash, every peer that sent part of it is named as bad and the work starts again.
 */
public final class MetadataAssembler {
    /** No info dictionary spate accepts is larger (BEP 9 leaves the limit to the client). */
    public static final int MAX_SIZE = 16 * 1024 * 1024;
    public static final int PIECE_LENGTH = 16 * 1024;
    /** A request unanswered this long may be sent to another peer. */
    static final long REQUEST_TIMEOUT_NANOS = 10_000_000_000L;
    /** Requests one peer may have outstanding. */
    static final int PER_PEER = 4;
    private static final int NONE = -1;

    /** What a received piece led to. */
    public sealed interface Outcome {
        /** More pieces are needed. */
        record Incomplete() implements Outcome {
        }

        /** The whole dictionary, verified against the info hash. */
        record Complete(byte[] info) implements Outcome {
        }

        /** The assembled bytes did not match: these peers sent parts of it. */
        record Bad(Set<Integer> peers) implements Outcome {
        }
    }

    private static final Outcome INCOMPLETE = new Outcome.Incomplete();

    private final InfoHashes expected;
    private int size = NONE;
    private byte[] buffer;
    private int[] requestedBy;
    private long[] requestedAt;
    private int[] sentBy;
    private int received;

    public MetadataAssembler(InfoHashes expected) {
        this.expected = expected;
    }

    /** The size being assembled, or -1 before any peer offered one. */
    public int size() {
        return size;
    }

    public int pieceCount() {
        return size == NONE ? 0 : (size + PIECE_LENGTH - 1) / PIECE_LENGTH;
    }

    public int piecesReceived() {
        return received;
    }

    /**
     * A peer says the metadata has {@code offered} bytes (its extension handshake's
     * {@code metadata_size}). Returns false if that is absurd or differs from the size in use,
     * in which case the peer is not asked for pieces.
     */
    public boolean sizeOffered(long offered) {
        if (offered < 1 || offered > MAX_SIZE) {
            return false;
        }
        if (size == NONE) {
            start((int) offered);
            return true;
        }
        return offered == size;
    }

    private void start(int bytes) {
        size = bytes;
        int pieces = pieceCount();
        buffer = new byte[bytes];
        requestedBy = new int[pieces];
        requestedAt = new long[pieces];
        sentBy = new int[pieces];
        Arrays.fill(requestedBy, NONE);
        Arrays.fill(sentBy, NONE);
        received = 0;
    }

    /** Pieces to ask {@code peer} for now (free ones, or ones another peer sat on too long). */
    public List<Integer> requestsFor(int peer, long now) {
        List<Integer> out = new ArrayList<>();
        if (size == NONE) {
            return out;
        }
        int outstanding = 0;
        for (int p = 0; p < requestedBy.length; p++) {
            if (requestedBy[p] == peer && sentBy[p] == NONE) {
                outstanding++;
            }
        }
        for (int p = 0; p < requestedBy.length && outstanding < PER_PEER; p++) {
            boolean free = sentBy[p] == NONE
                    && (requestedBy[p] == NONE || now - requestedAt[p] > REQUEST_TIMEOUT_NANOS);
            if (free && requestedBy[p] != peer) {
                requestedBy[p] = peer;
                requestedAt[p] = now;
                out.add(p);
                outstanding++;
            }
        }
        return out;
    }

    /** A piece arrived. Data for another size, an unknown piece or the wrong length is ignored. */
    public Outcome received(int peer, int piece, int totalSize, byte[] data) {
        if (size == NONE || totalSize != size || piece < 0 || piece >= pieceCount() || sentBy[piece] != NONE) {
            return INCOMPLETE;
        }
        int offset = piece * PIECE_LENGTH;
        int length = Math.min(PIECE_LENGTH, size - offset);
        if (data.length != length) {
            return INCOMPLETE;
        }
        System.arraycopy(data, 0, buffer, offset, length);
        sentBy[piece] = peer;
        received++;
        if (received < pieceCount()) {
            return INCOMPLETE;
        }
        if (matches(buffer)) {
            return new Outcome.Complete(buffer);
        }
        Set<Integer> senders = new LinkedHashSet<>();
        for (int s : sentBy) {
            senders.add(s);
        }
        size = NONE; // start again with the next size offered
        buffer = null;
        return new Outcome.Bad(senders);
    }

    /** The peer will not send the piece (reject) or went away: someone else may be asked. */
    public void dropped(int peer, int piece) {
        if (size != NONE && piece >= 0 && piece < pieceCount() && requestedBy[piece] == peer) {
            requestedBy[piece] = NONE;
        }
    }

    public void peerGone(int peer) {
        if (size == NONE) {
            return;
        }
        for (int p = 0; p < requestedBy.length; p++) {
            if (requestedBy[p] == peer && sentBy[p] == NONE) {
                requestedBy[p] = NONE;
            }
        }
    }

    private boolean matches(byte[] info) {
        InfoHash v1 = expected.v1();
        InfoHash v2 = expected.v2();
        return (v1 != null && v1.equals(InfoHash.of(digest("SHA-1", info))))
                || (v2 != null && v2.equals(InfoHash.of(digest("SHA-256", info))));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
