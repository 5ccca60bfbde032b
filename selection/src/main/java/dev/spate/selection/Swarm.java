package dev.spate.selection;

import dev.spate.protocol.peer.BlockTarget;
import dev.spate.protocol.peer.Blocks;
import dev.spate.protocol.peer.PeerLink;
import dev.spate.protocol.peer.PeerOrders;
import dev.spate.protocol.peer.PeerReport;
import dev.spate.protocol.peer.PieceSet;
import dev.spate.selection.choke.ChokeCandidate;
import dev.spate.selection.choke.Choker;
import dev.spate.selection.limits.SharedLimits;
import dev.spate.selection.limits.SwarmLimits;
import dev.spate.selection.picker.BlockSink;
import dev.spate.selection.picker.PiecePicker;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The swarm of one torrent as the selection thread sees it: its peers, what they have, what we
 * asked of whom, who we upload to. Every method runs on the selection thread.
 */
public final class Swarm {
    public static final int BLOCK_SIZE = Blocks.SIZE;
    private static final Logger LOG = LogManager.getLogger(Swarm.class);
    private static final long SECOND = 1_000_000_000L;

    private final String name;
    private final int pieceLength;
    private final long totalLength;
    private final PiecePicker picker;
    private Choker choker;
    private final RandomGenerator random;
    private SwarmLimits limits;
    private SharedLimits shared = SharedLimits.unlimited();
    private final Bandwidth bandwidth = new Bandwidth(shared);
    private final PieceSet have;
    private final BlockBudget budget;
    private final SwarmListener listener;
    private final PeerConnector connector;
    private final SelectionConfig config;
    private final Runnable budgetWakeUp;
    private final Map<Integer, SwarmPeer> peers = new LinkedHashMap<>();
    private final PeerCandidates candidates = new PeerCandidates(2000);
    private final List<SwarmPeer> dirty = new ArrayList<>();
    private final RateMeter download = new RateMeter(6);
    private final RateMeter upload = new RateMeter(6);
    private final RequestSink requestSink = new RequestSink();
    private boolean awaitingBudget;
    private boolean finished;
    private boolean stopped;
    private long nextChoke;
    private long nextSecond;
    private volatile SwarmStatus status = SwarmStatus.EMPTY;

    /**
     * @param have          pieces already verified (from a resume or a check); also the view peers read
     * @param budgetWakeUp  posts {@link #budgetAvailable()} to the selection thread
     */
    public Swarm(String name, int pieceLength, long totalLength, PieceSet have, BlockBudget budget,
            SwarmListener listener, PeerConnector connector, SelectionConfig config, RandomGenerator random,
            Runnable budgetWakeUp) {
        this.name = name;
        this.pieceLength = pieceLength;
        this.totalLength = totalLength;
        this.have = have;
        int pieces = have.pieceCount();
        int lastPieceBlocks = blockCount(pieces - 1);
        this.picker = new PiecePicker(pieces, blockCount(0), lastPieceBlocks, random);
        this.random = random;
        this.limits = SwarmLimits.of(config);
        this.choker = new Choker(config.uploadSlots(), config.optimisticInterval(), random);
        this.budget = budget;
        this.listener = listener;
        this.connector = connector;
        this.config = config;
        this.budgetWakeUp = budgetWakeUp;
        for (int p = 0; p < pieces; p++) {
            if (have.has(p)) {
                picker.pieceVerified(p);
            }
        }
        this.finished = picker.isFinished();
    }

    // ---- geometry ----

    int pieceSize(int piece) {
        long start = (long) piece * pieceLength;
        return (int) Math.min(pieceLength, totalLength - start);
    }

    int blockCount(int piece) {
        return (pieceSize(piece) + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    int blockLength(int piece, int block) {
        return Math.min(BLOCK_SIZE, pieceSize(piece) - block * BLOCK_SIZE);
    }

    // ---- what the client asks ----

    public PiecePicker picker() {
        return picker;
    }

    public SwarmStatus status() {
        return status;
    }

    public boolean isFinished() {
        return finished;
    }

    /** Payload bytes received since the swarm started, to the byte ({@link #status()} lags by up to a second). */
    public long downloadedBytes() {
        return download.total();
    }

    /** Payload bytes sent since the swarm started, to the byte. */
    public long uploadedBytes() {
        return upload.total();
    }

    /** Rates, connections and upload slots of this torrent; the configuration's until set. */
    public void setLimits(SwarmLimits newLimits) {
        if (newLimits.uploadSlots() != limits.uploadSlots()) {
            choker = new Choker(newLimits.uploadSlots(), config.optimisticInterval(), random);
        }
        bandwidth.setRates(newLimits.downloadRate(), newLimits.uploadRate());
        limits = newLimits;
    }

    public SwarmLimits limits() {
        return limits;
    }

    /** The limits this swarm shares with the client's other swarms; set before peers join. */
    public void setSharedLimits(SharedLimits limits) {
        for (int i = 0; i < peers.size(); i++) {
            shared.connectionClosed();
            limits.connectionOpened();
        }
        shared = limits;
        bandwidth.shared(limits);
    }

    /**
     * Piece priorities changed (files skipped or wanted again): a finished swarm may want pieces
     * again, and one that wanted pieces may have none left.
     */
    public void wantedChanged() {
        if (picker.isFinished()) {
            if (!finished) {
                finish();
            }
            return;
        }
        finished = false;
        for (SwarmPeer p : peers.values()) {
            if (!p.amInterested && hasWantedPiece(p)) {
                setInterested(p, true);
            }
        }
        publishStatus(lastNow);
    }

    public void addCandidates(List<InetSocketAddress> addresses) {
        addresses.forEach(candidates::add);
    }

    /** Stops every connection; the swarm is done with. */
    public void stop(String reason) {
        stopped = true;
        for (SwarmPeer p : peers.values()) {
            p.link.orders().disconnect = reason;
            markDirty(p);
        }
        flush();
    }

    // ---- peers ----

    /** A peer finished its handshake for this torrent. */
    public void peerJoined(PeerLink link, InetSocketAddress address, long now) {
        lastNow = now;
        SwarmPeer p = new SwarmPeer(this, link, address, now);
        link.attach(p);
        peers.put(link.peerId(), p);
        candidates.connected(address);
        shared.connectionOpened();
        PeerOrders orders = link.orders();
        orders.sendBitfield = true;
        orders.uploadQuota = bandwidth.initialQuota();
        if (stopped || candidates.isBanned(address, now)) {
            orders.disconnect = stopped ? "torrent stopped" : "banned";
        } else if (peers.size() > limits.maxConnections() || shared.overConnectionLimit()) {
            orders.disconnect = "too many connections";
        }
        markDirty(p);
    }

    /** A dial from {@link PeerConnector} came to nothing. */
    public void connectFailed(InetSocketAddress address, long now) {
        candidates.disconnected(address, true, now);
    }

    public void onReport(PeerLink link, PeerReport r, long now) {
        lastNow = now;
        SwarmPeer p = (SwarmPeer) link.attachment();
        try {
            if (p == null || !peers.containsKey(link.peerId())) {
                return;
            }
            applyPieces(p, r);
            if (r.remoteRequestLimit > 0) {
                p.remoteQueueLimit = r.remoteRequestLimit;
            }
            if (r.chokeChanged) {
                p.peerChoking = r.peerChoking;
            }
            applyBlocks(p, r, now);
            p.download.add(r.bytesDownloaded, now);
            p.upload.add(r.bytesUploaded, now);
            download.add(r.bytesDownloaded, now);
            upload.add(r.bytesUploaded, now);
            bandwidth.uploaded(r.bytesUploaded);
            if (r.closed) {
                remove(p, r.closeReason, r.misbehaved, now);
                return;
            }
            if (r.interestChanged) {
                p.peerInterested = r.peerInterested;
                if (p.peerInterested && p.amChoking && unchokedCount() <= Math.max(config.uploadSlots(), 0)) {
                    chokeRound(now);
                }
            }
            refill(p);
        } finally {
            link.reportDone(r);
        }
    }

    private void applyPieces(SwarmPeer p, PeerReport r) {
        if (r.haveAll) {
            makeSeed(p);
        }
        if (r.bitfield != null && !p.seed) {
            BitSet bits = BitSet.valueOf(reverseBits(r.bitfield));
            bits.andNot(p.pieces);
            p.pieces.or(bits);
            picker.peerHasAll(bits);
            updateInterest(p, bits);
        }
        for (int i = 0; i < r.haves.size() && !p.seed; i++) {
            int piece = r.haves.get(i);
            if (piece >= 0 && piece < have.pieceCount() && !p.pieces.get(piece)) {
                p.pieces.set(piece);
                picker.peerHas(piece);
                if (!p.amInterested && wants(piece)) {
                    setInterested(p, true);
                }
            }
        }
        if (!p.seed && p.pieces.cardinality() == have.pieceCount()) {
            makeSeed(p);
        }
    }

    /** A seed is counted once in availability rather than once per piece. */
    private void makeSeed(SwarmPeer p) {
        if (p.seed) {
            return;
        }
        picker.peerLostAll(p.pieces);
        p.pieces.clear();
        p.seed = true;
        candidates.seed(p.address);
        picker.seedJoined();
        if (!finished) {
            setInterested(p, true);
        } else {
            p.link.orders().disconnect = "we are both seeds";
            markDirty(p);
        }
    }

    private void applyBlocks(SwarmPeer p, PeerReport r, long now) {
        for (int i = 0; i < r.blocksReceived.size(); i++) {
            long packed = r.blocksReceived.get(i);
            int piece = Blocks.piece(packed);
            p.outstanding--;
            p.lastBlockAt = now;
            p.snubbed = false;
            int other = picker.blockReceived(piece, Blocks.offset(packed) / BLOCK_SIZE, p.id());
            SwarmPeer o = other < 0 ? null : peers.get(other);
            if (o != null) {
                o.link.orders().cancels.add(packed); // end game: the other copy is not needed
                o.outstanding--;
                markDirty(o);
            }
        }
        for (int i = 0; i < r.requestsDropped.size(); i++) {
            long packed = r.requestsDropped.get(i);
            p.outstanding--;
            int block = Blocks.offset(packed) / BLOCK_SIZE;
            picker.requestDropped(Blocks.piece(packed), block, p.id());
            bandwidth.requestDropped(blockLength(Blocks.piece(packed), block));
        }
    }

    private void remove(SwarmPeer p, String reason, boolean misbehaved, long now) {
        peers.remove(p.id());
        shared.connectionClosed();
        picker.peerGone(p.id());
        if (p.seed) {
            picker.seedLeft();
        } else {
            picker.peerLostAll(p.pieces);
        }
        p.link.discardOrders();
        candidates.disconnected(p.address, false, now);
        if (misbehaved && candidates.distrust(p.address, PeerCandidates.VIOLATION, now)) {
            listener.peerBanned(p.address, reason);
        }
        LOG.debug("{}: peer {} left: {}", name, p, reason);
        if (!finished) {
            peers.values().forEach(this::refill); // its requests are free for others now
        }
    }

    // ---- pieces from disk ----

    public void pieceVerified(int piece) {
        if (have.has(piece)) {
            return;
        }
        for (int id : picker.senders(piece)) {
            SwarmPeer sender = peers.get(id);
            if (sender != null) {
                candidates.trusted(sender.address);
            }
        }
        picker.pieceVerified(piece);
        have.set(piece);
        listener.pieceVerified(piece);
        for (SwarmPeer p : peers.values()) {
            if (!p.has(piece)) {
                p.link.orders().haves.add(piece);
                markDirty(p);
            }
        }
        if (!finished && picker.isFinished()) {
            finish();
        }
    }

    /** Every wanted piece is verified: lose interest, part from seeds, tell the client. */
    private void finish() {
        finished = true;
        LOG.debug("{}: finished", name);
        for (SwarmPeer p : peers.values()) {
            setInterested(p, false);
            if (p.seed) {
                p.link.orders().disconnect = "we are both seeds";
                markDirty(p);
            }
        }
        publishStatus(lastNow);
        listener.finished();
    }

    /**
     * A piece failed its hash check; {@code contributors} sent its blocks. A sole contributor
     * certainly sent bad data and is banned; when several did, each loses trust and the piece is
     * downloaded again from one peer alone (parole), which settles who it was.
     */
    public void pieceFailed(int piece, int[] contributors, long now) {
        picker.pieceFailed(piece);
        picker.setParole(piece);
        for (int id : contributors) {
            SwarmPeer p = peers.get(id);
            if (p == null) {
                continue;
            }
            boolean banned = contributors.length == 1;
            if (banned) {
                candidates.ban(p.address, now);
            } else {
                banned = candidates.distrust(p.address, PeerCandidates.BAD_PIECE, now);
            }
            if (banned) {
                p.link.orders().disconnect = "banned: sent data that failed the hash check";
                markDirty(p);
                listener.peerBanned(p.address, "sent data that failed the hash check of piece " + piece);
            }
        }
        peers.values().forEach(this::refill);
    }

    /** Write budget is free again after we ran out. */
    public void budgetAvailable() {
        awaitingBudget = false;
        peers.values().forEach(this::refill);
    }

    // ---- requests ----

    private void refill(SwarmPeer p) {
        if (finished || stopped || p.peerChoking || !p.amInterested || p.link.isClosed()) {
            return;
        }
        int want = bandwidth.blocksAllowed(p, targetQueue(p) - p.outstanding);
        if (want <= 0) {
            return;
        }
        int affordable = Math.min(want, budget.blocksAvailable());
        if (affordable <= 0) {
            awaitBudget();
            return;
        }
        if (affordable < want) {
            awaitBudget(); // the budget, not the peer, limits us: come back when it frees
        }
        requestSink.start(p);
        picker.pick(p, affordable, requestSink);
        p.outstanding += requestSink.used;
        bandwidth.requested(p, requestSink.bytes);
        if (requestSink.used > 0) {
            markDirty(p);
        } else if (!picker.isEndGame() && !hasWantedPiece(p)) {
            setInterested(p, false);
        }
    }

    private void awaitBudget() {
        if (!awaitingBudget) {
            awaitingBudget = true;
            budget.whenAvailable(budgetWakeUp);
        }
    }

    /** Enough requests for a few seconds at the peer's rate, within our cap and the peer's. */
    private int targetQueue(SwarmPeer p) {
        long rate = p.download.rate(lastNow);
        long byRate = rate * config.requestQueueTime().toSeconds() / BLOCK_SIZE;
        int cap = Math.min(config.maxRequests(), p.remoteQueueLimit);
        return (int) Math.max(Math.min(config.minRequests(), cap), Math.min(byRate, cap));
    }

    /** Turns each picked block into a request with its write token, or gives the pick back. */
    private final class RequestSink implements BlockSink {
        private SwarmPeer peer;
        private int used;
        private long bytes;

        void start(SwarmPeer p) {
            peer = p;
            used = 0;
            bytes = 0;
        }

        @Override
        public void accept(int piece, int block) {
            int offset = block * BLOCK_SIZE;
            int length = blockLength(piece, block);
            BlockTarget target = budget.tryReserve(piece, offset, length);
            if (target == null) {
                picker.requestDropped(piece, block, peer.id());
                awaitBudget();
                return;
            }
            peer.link.orders().addRequest(piece, offset, length, target);
            used++;
            bytes += length;
        }
    }

    // ---- interest ----

    private boolean wants(int piece) {
        return !picker.have(piece) && picker.priority(piece) != PiecePicker.SKIP;
    }

    private boolean hasWantedPiece(SwarmPeer p) {
        if (p.seed) {
            return !finished;
        }
        for (int piece = p.pieces.nextSetBit(0); piece >= 0; piece = p.pieces.nextSetBit(piece + 1)) {
            if (wants(piece)) {
                return true;
            }
        }
        return false;
    }

    private void updateInterest(SwarmPeer p, BitSet newPieces) {
        if (p.amInterested || finished) {
            return;
        }
        for (int piece = newPieces.nextSetBit(0); piece >= 0; piece = newPieces.nextSetBit(piece + 1)) {
            if (wants(piece)) {
                setInterested(p, true);
                return;
            }
        }
    }

    private void setInterested(SwarmPeer p, boolean interested) {
        if (p.amInterested != interested) {
            p.amInterested = interested;
            p.link.orders().interested = interested;
            markDirty(p);
        }
    }

    // ---- timers ----

    private long lastNow;

    /** Runs timers: rates, snubbing, choking, dialing. Called every tick. */
    public void tick(long now) {
        lastNow = now;
        if (stopped) {
            return;
        }
        if (now >= nextSecond) {
            nextSecond = now + SECOND;
            everySecond(now);
        }
        if (now >= nextChoke) {
            nextChoke = now + config.chokeInterval().toNanos();
            chokeRound(now);
        }
        bandwidth.tick(now, peers.values(), this::markDirty);
        for (SwarmPeer p : peers.values()) {
            refill(p);
        }
    }

    private void everySecond(long now) {
        long snub = config.snubTimeout().toNanos();
        for (SwarmPeer p : peers.values()) {
            if (!p.snubbed && p.outstanding > 0 && now - p.lastBlockAt > snub) {
                p.snubbed = true;
                picker.peerGone(p.id());
                p.link.orders().cancelAll = true;
                p.outstanding = 0;
                markDirty(p);
                LOG.debug("{}: peer {} snubbed", name, p);
            }
            if (p.amInterested && !hasWantedPiece(p) && !picker.isEndGame()) {
                setInterested(p, false);
            }
        }
        // A seed dials too: some leechers never dial (Transmission does not dial 127.0.0.0/8, and
        // a leecher behind NAT cannot be dialed), and addPeer must work on a seeding torrent.
        int free = Math.min(limits.maxConnections() - peers.size(), shared.freeConnections());
        if (free > 0) {
            for (InetSocketAddress a : candidates.toDial(Math.min(free, 10), now, finished)) {
                connector.connect(a);
            }
        }
        publishStatus(now);
    }

    private void chokeRound(long now) {
        List<ChokeCandidate> list = new ArrayList<>(peers.size());
        for (SwarmPeer p : peers.values()) {
            boolean newcomer = now - p.connectedAt < 3 * config.chokeInterval().toNanos();
            list.add(new ChokeCandidate(p.id(), p.peerInterested, p.download.rate(now), p.upload.rate(now),
                    p.snubbed, !p.amChoking, newcomer));
        }
        Set<Integer> unchoke = choker.decide(list, finished, now);
        for (SwarmPeer p : peers.values()) {
            boolean choke = !unchoke.contains(p.id());
            if (choke != p.amChoking) {
                p.amChoking = choke;
                p.link.orders().choke = choke;
                markDirty(p);
            }
        }
    }

    private int unchokedCount() {
        int n = 0;
        for (SwarmPeer p : peers.values()) {
            if (!p.amChoking) {
                n++;
            }
        }
        return n;
    }

    private void publishStatus(long now) {
        int seeds = 0;
        for (SwarmPeer p : peers.values()) {
            if (p.seed) {
                seeds++;
            }
        }
        int wanted = 0;
        for (int piece = 0; piece < have.pieceCount(); piece++) {
            if (picker.priority(piece) != PiecePicker.SKIP) {
                wanted++;
            }
        }
        status = new SwarmStatus(picker.haveCount(), wanted, picker.wantedLeft(), download.total(), upload.total(),
                download.rate(now), upload.rate(now), peers.size(), seeds, candidates.size(), finished);
    }

    // ---- orders ----

    private void markDirty(SwarmPeer p) {
        if (!p.dirty) {
            p.dirty = true;
            dirty.add(p);
        }
    }

    /** Sends the orders of every peer touched this turn; called at the end of each selection turn. */
    public void flush() {
        for (SwarmPeer p : dirty) {
            p.dirty = false;
            if (peers.containsKey(p.id()) && !p.link.sendOrders()) {
                p.blocked = true; // goes when the link reports a free slot
            }
        }
        dirty.clear();
    }

    /** The link has a free order slot again. */
    public void ordersSlotFree(PeerLink link) {
        SwarmPeer p = (SwarmPeer) link.attachment();
        if (p != null && peers.containsKey(p.id())) {
            p.blocked = false;
            markDirty(p);
        }
    }

    /** The wire's bitfield has piece 0 in the high bit; BitSet.valueOf wants it in the low bit. */
    private static byte[] reverseBits(byte[] bitfield) {
        byte[] out = new byte[bitfield.length];
        for (int i = 0; i < bitfield.length; i++) {
            out[i] = (byte) (Integer.reverse(bitfield[i] & 0xff) >>> 24);
        }
        return out;
    }
}
