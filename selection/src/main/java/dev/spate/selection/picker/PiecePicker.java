package dev.spate.selection.picker;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Chooses which blocks to request from which peer, for one torrent. A plain object owned by the
 * selection thread: events in ({@link #peerHas}, {@link #blockReceived}, {@link #pieceFailed}...),
 * decisions out ({@link #pick}), and {@link #checkInvariants()} for tests.
 *
 * <p>Order of picking: blocks of pieces already being downloaded (so partial pieces finish
 * first), then the rarest pieces of the highest priority with random tie-breaks (or the lowest
 * index in sequential mode), then, in end game when every wanted block is requested, second
 * requests for blocks another peer has not delivered yet.
 *
 * <p>Priorities: 0 skip, 1 low .. 4 normal .. 7 high.
 */
public final class PiecePicker {
    public static final int SKIP = 0;
    public static final int LOW = 1;
    public static final int NORMAL = 4;
    public static final int HIGH = 7;

    private final int pieceCount;
    private final int blocksPerPiece;
    private final int lastPieceBlocks;
    private final BitSet have;
    private final int[] availability; // peers that have each piece, not counting seeds
    private final byte[] priority;
    private final PieceBuckets untouched;
    private final Map<Integer, PartialPiece> partial = new LinkedHashMap<>();
    private final BitSet parole = new BitSet();
    private int seeds;
    private int wantedLeft;
    private boolean sequential;

    public PiecePicker(int pieceCount, int blocksPerPiece, int lastPieceBlocks, RandomGenerator random) {
        if (pieceCount <= 0 || blocksPerPiece <= 0 || lastPieceBlocks <= 0 || lastPieceBlocks > blocksPerPiece) {
            throw new IllegalArgumentException("bad geometry " + pieceCount + "/" + blocksPerPiece + "/" + lastPieceBlocks);
        }
        this.pieceCount = pieceCount;
        this.blocksPerPiece = blocksPerPiece;
        this.lastPieceBlocks = lastPieceBlocks;
        this.have = new BitSet(pieceCount);
        this.availability = new int[pieceCount];
        this.priority = new byte[pieceCount];
        this.untouched = new PieceBuckets(pieceCount, random);
        for (int p = 0; p < pieceCount; p++) {
            priority[p] = NORMAL;
            untouched.place(p, PieceBuckets.key(NORMAL, 0));
        }
        this.wantedLeft = pieceCount;
    }

    public int pieceCount() {
        return pieceCount;
    }

    public int blockCount(int piece) {
        return piece == pieceCount - 1 ? lastPieceBlocks : blocksPerPiece;
    }

    // ---- what we have ----

    public boolean have(int piece) {
        return have.get(piece);
    }

    public int haveCount() {
        return have.cardinality();
    }

    /** A copy of the verified pieces. */
    public BitSet haveSet() {
        return (BitSet) have.clone();
    }

    /** Pieces that are wanted (priority above skip) and not verified yet. */
    public int wantedLeft() {
        return wantedLeft;
    }

    /** True when every wanted piece is verified. */
    public boolean isFinished() {
        return wantedLeft == 0;
    }

    /**
     * After a hash failure the piece is downloaded again from a single peer, so that the next
     * check says for certain whether that peer's data is good.
     */
    public void setParole(int piece) {
        parole.set(piece);
        PartialPiece pp = partial.get(piece);
        if (pp != null) {
            pp.parole = true;
        }
    }

    /** The peers that delivered blocks of a piece being downloaded (before its check). */
    public int[] senders(int piece) {
        PartialPiece pp = partial.get(piece);
        return pp == null ? new int[0] : pp.senders();
    }

    /** A piece passed its hash check (or was found on disk). */
    public void pieceVerified(int piece) {
        if (have.get(piece)) {
            return;
        }
        have.set(piece);
        parole.clear(piece);
        partial.remove(piece);
        untouched.remove(piece);
        if (priority[piece] != SKIP) {
            wantedLeft--;
        }
    }

    /** A piece failed its hash check: all of it is downloaded again. */
    public void pieceFailed(int piece) {
        PartialPiece pp = partial.remove(piece);
        if (pp != null || !have.get(piece)) {
            placeIfWanted(piece);
        }
    }

    // ---- availability ----

    public int availability(int piece) {
        return availability[piece] + seeds;
    }

    public void peerHas(int piece) {
        availability[piece]++;
        reKey(piece);
    }

    public void peerLost(int piece) {
        availability[piece]--;
        reKey(piece);
    }

    /** A peer with every piece (a seed, or BEP 6 have all): counted once, not per piece. */
    public void seedJoined() {
        seeds++;
    }

    public void seedLeft() {
        seeds--;
    }

    public void peerHasAll(BitSet pieces) {
        for (int p = pieces.nextSetBit(0); p >= 0 && p < pieceCount; p = pieces.nextSetBit(p + 1)) {
            peerHas(p);
        }
    }

    public void peerLostAll(BitSet pieces) {
        for (int p = pieces.nextSetBit(0); p >= 0 && p < pieceCount; p = pieces.nextSetBit(p + 1)) {
            peerLost(p);
        }
    }

    // ---- priorities and modes ----

    public int priority(int piece) {
        return priority[piece];
    }

    public void setPriority(int piece, int prio) {
        if (prio < SKIP || prio > HIGH) {
            throw new IllegalArgumentException("priority " + prio);
        }
        int old = priority[piece];
        if (old == prio) {
            return;
        }
        priority[piece] = (byte) prio;
        if (!have.get(piece)) {
            if (old == SKIP) {
                wantedLeft++;
            } else if (prio == SKIP) {
                wantedLeft--;
            }
        }
        PartialPiece pp = partial.get(piece);
        if (pp != null) {
            pp.priority = prio;
        } else {
            untouched.remove(piece);
            placeIfWanted(piece);
        }
    }

    /** In sequential mode untouched pieces are picked in index order instead of rarest first. */
    public void setSequential(boolean on) {
        sequential = on;
    }

    // ---- picking ----

    /**
     * Picks up to {@code maxBlocks} blocks for the peer, marks them requested from it and hands
     * them to {@code out}. Returns how many were picked.
     */
    public int pick(PeerPieces peer, int maxBlocks, BlockSink out) {
        int picked = 0;
        for (PartialPiece pp : partial.values()) {
            if (picked >= maxBlocks) {
                return picked;
            }
            if (pp.freeBlocks() > 0 && pp.priority != SKIP && peer.has(pp.piece) && pp.mayTake(peer.id())) {
                if (pp.parole) {
                    pp.paroleOwner = peer.id();
                }
                picked += takeFree(pp, peer.id(), maxBlocks - picked, out);
            }
        }
        while (picked < maxBlocks) {
            int piece = nextUntouched(peer);
            if (piece < 0) {
                break;
            }
            untouched.remove(piece);
            PartialPiece pp = new PartialPiece(piece, blockCount(piece), priority[piece]);
            if (parole.get(piece)) {
                pp.parole = true;
                pp.paroleOwner = peer.id();
            }
            partial.put(piece, pp);
            picked += takeFree(pp, peer.id(), maxBlocks - picked, out);
        }
        if (picked < maxBlocks && isEndGame()) {
            picked += pickEndGame(peer, maxBlocks - picked, out);
        }
        return picked;
    }

    /** End game: nothing wanted is left that is not already requested or received. */
    public boolean isEndGame() {
        if (untouched.size() > 0) {
            return false;
        }
        for (PartialPiece pp : partial.values()) {
            if (pp.freeBlocks() > 0 && pp.priority != SKIP) {
                return false;
            }
        }
        return wantedLeft > 0;
    }

    private int nextUntouched(PeerPieces peer) {
        if (!sequential) {
            return untouched.first(peer::has);
        }
        for (int p = 0; p < pieceCount; p++) {
            if (untouched.contains(p) && peer.has(p)) {
                return p;
            }
        }
        return -1;
    }

    private static int takeFree(PartialPiece pp, int peer, int max, BlockSink out) {
        int n = 0;
        for (int b = 0; b < pp.blockCount() && n < max; b++) {
            if (pp.isFree(b)) {
                pp.request(b, peer);
                out.accept(pp.piece, b);
                n++;
            }
        }
        return n;
    }

    private int pickEndGame(PeerPieces peer, int max, BlockSink out) {
        int n = 0;
        for (PartialPiece pp : partial.values()) {
            if (pp.priority == SKIP || !peer.has(pp.piece) || pp.parole) {
                continue; // a piece on parole comes from one peer only, even in end game
            }
            for (int b = 0; b < pp.blockCount() && n < max; b++) {
                int first = pp.requester(b);
                if (first >= 0 && first != peer.id() && pp.secondRequester(b) == PartialPiece.FREE) {
                    pp.requestSecond(b, peer.id());
                    out.accept(pp.piece, b);
                    n++;
                }
            }
            if (n >= max) {
                break;
            }
        }
        return n;
    }

    // ---- block events ----

    /**
     * A block arrived from a peer. Returns the id of another peer whose request for the same block
     * should now be cancelled (end game), or -1.
     */
    public int blockReceived(int piece, int block, int peerId) {
        PartialPiece pp = partial.get(piece);
        if (pp == null) {
            return -1; // already verified, or given up: disk ignores it too
        }
        int other = pp.receive(block, peerId);
        return other >= 0 ? other : -1;
    }

    /** The peer will not deliver the block (rejected, cancelled, choked without fast extension). */
    public void requestDropped(int piece, int block, int peerId) {
        PartialPiece pp = partial.get(piece);
        if (pp == null) {
            return;
        }
        pp.drop(block, peerId);
        if (pp.isUntouched()) {
            partial.remove(piece);
            placeIfWanted(piece);
        }
    }

    /** Every request of a peer that went away is dropped. Returns how many. */
    public int peerGone(int peerId) {
        int dropped = 0;
        List<Integer> emptied = new ArrayList<>();
        for (PartialPiece pp : partial.values()) {
            if (pp.paroleOwner == peerId) {
                pp.paroleOwner = PartialPiece.FREE; // the next peer to pick it takes it over
            }
            for (int b = 0; b < pp.blockCount(); b++) {
                if (pp.requester(b) == peerId || pp.secondRequester(b) == peerId) {
                    pp.drop(b, peerId);
                    dropped++;
                }
            }
            if (pp.isUntouched()) {
                emptied.add(pp.piece);
            }
        }
        for (int piece : emptied) {
            partial.remove(piece);
            placeIfWanted(piece);
        }
        return dropped;
    }

    /** True if every block of a piece being downloaded has arrived (it awaits its hash check). */
    public boolean allReceived(int piece) {
        PartialPiece pp = partial.get(piece);
        return pp != null && pp.isComplete();
    }

    /** Pieces being downloaded, for status displays. */
    public int partialCount() {
        return partial.size();
    }

    private void placeIfWanted(int piece) {
        if (!have.get(piece) && priority[piece] != SKIP) {
            untouched.place(piece, PieceBuckets.key(priority[piece], availability[piece]));
        }
    }

    private void reKey(int piece) {
        if (untouched.contains(piece)) {
            untouched.place(piece, PieceBuckets.key(priority[piece], availability[piece]));
        }
    }

    /** Checks every internal invariant; tests call it after each step. */
    public void checkInvariants() {
        untouched.checkInvariants();
        int wanted = 0;
        for (int p = 0; p < pieceCount; p++) {
            boolean wantedPiece = !have.get(p) && priority[p] != SKIP;
            if (wantedPiece) {
                wanted++;
            }
            boolean isPartial = partial.containsKey(p);
            boolean inBuckets = untouched.contains(p);
            if (isPartial && inBuckets) {
                throw new AssertionError("piece " + p + " is both partial and untouched");
            }
            if (inBuckets && (!wantedPiece || untouched.keyOf(p) != PieceBuckets.key(priority[p], availability[p]))) {
                throw new AssertionError("piece " + p + " is in the wrong bucket");
            }
            if (wantedPiece && !isPartial && !inBuckets) {
                throw new AssertionError("wanted piece " + p + " is lost to the picker");
            }
            if (have.get(p) && isPartial) {
                throw new AssertionError("verified piece " + p + " is still partial");
            }
            if (availability[p] < 0) {
                throw new AssertionError("piece " + p + " has negative availability");
            }
        }
        if (wanted != wantedLeft) {
            throw new AssertionError("wantedLeft " + wantedLeft + " but " + wanted + " pieces are wanted");
        }
        partial.values().forEach(PartialPiece::checkInvariants);
    }
}
