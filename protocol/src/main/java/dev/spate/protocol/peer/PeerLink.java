package dev.spate.protocol.peer;

import java.util.concurrent.Executor;

/**
 * The bounded channel between one peer (its Netty event loop) and the selection thread.
 *
 * <p>Each side always holds one batch it is filling ({@link #report()} on the peer side,
 * {@link #orders()} on the selection side) and hands it over whole. A fixed number of batches
 * can be on their way in each direction ({@code slots}); when none is free the sender keeps
 * filling the batch it holds and reacts instead of waiting:
 * <ul>
 *   <li>the peer stops reading its socket ({@link #flushReport()} returns false) and selection
 *       resumes it by giving a report back;</li>
 *   <li>selection keeps this peer's orders for its next turn and is told when a slot frees.</li>
 * </ul>
 * Because the peer always holds a batch, its last report (connection closed) can always be
 * delivered: no slot is needed for it.
 */
public final class PeerLink {

    /** The selection side: receives reports and slot notices on any thread, never blocks. */
    public interface Upstream {
        void reportReady(PeerLink link, PeerReport report);

        void ordersSlotFree(PeerLink link);
    }

    /** The peer side: runs on the peer's event loop. */
    public interface Downstream {
        void execute(PeerOrders orders);

        /** A report slot is free again: flush and read on. */
        void resume();
    }

    private final int peerId;
    private final Upstream upstream;
    private final SlotPool<PeerReport> freeReports;
    private final SlotPool<PeerOrders> freeOrders;
    private PeerReport report = new PeerReport(); // owned by the peer's event loop
    private PeerOrders orders = new PeerOrders(); // owned by the selection thread
    private volatile Executor peerLoop;
    private volatile Downstream downstream;
    private volatile boolean peerPaused;
    private volatile boolean selectionWaiting;
    private volatile boolean closed;
    /** Selection's per-peer state, attached and read on the selection thread only. */
    private Object attachment;

    public PeerLink(int peerId, int slots, Upstream upstream) {
        if (slots < 1) {
            throw new IllegalArgumentException("a link needs at least one slot each way");
        }
        this.peerId = peerId;
        this.upstream = upstream;
        this.freeReports = new SlotPool<>(slots);
        this.freeOrders = new SlotPool<>(slots);
        for (int i = 0; i < slots; i++) {
            freeReports.give(new PeerReport());
            freeOrders.give(new PeerOrders());
        }
    }

    public int peerId() {
        return peerId;
    }

    /** Connects the peer end; orders sent before this wait in {@link #orders()}. */
    public void bind(Executor loop, Downstream peer) {
        this.downstream = peer; // before peerLoop: a non-null loop means the peer is bound
        this.peerLoop = loop;
        if (selectionWaiting) {
            selectionWaiting = false;
            upstream.ordersSlotFree(this);
        }
    }

    // ---- peer side (its event loop) ----

    /** The batch the peer is filling. */
    public PeerReport report() {
        return report;
    }

    /**
     * Hands the current report to selection if it holds anything. Returns false when every slot
     * is taken: the caller must stop reading until {@link Downstream#resume()}.
     */
    public boolean flushReport() {
        if (report.isEmpty()) {
            return true;
        }
        PeerReport next = freeReports.take();
        if (next == null) {
            peerPaused = true;
            // Selection may have given a slot back between take() and the flag: check again.
            next = freeReports.take();
            if (next == null) {
                return false;
            }
            peerPaused = false;
        }
        PeerReport full = report;
        report = next;
        upstream.reportReady(this, full);
        return true;
    }

    /** Sends the final report, marked closed. Called once, when the connection ends. */
    public void closeReport(String reason, boolean misbehaved) {
        if (closed) {
            return;
        }
        closed = true;
        PeerReport last = report;
        last.isFinal = true;
        last.closed = true;
        last.closeReason = reason;
        last.misbehaved |= misbehaved;
        report = new PeerReport();
        upstream.reportReady(this, last);
    }

    /** The peer has carried out a batch of orders: give it back. */
    public void ordersDone(PeerOrders done) {
        done.clear();
        freeOrders.give(done);
        if (selectionWaiting) {
            selectionWaiting = false;
            upstream.ordersSlotFree(this);
        }
    }

    // ---- selection side (its thread) ----

    /** The orders selection is filling for this peer. */
    public PeerOrders orders() {
        return orders;
    }

    /**
     * Hands the pending orders to the peer if there are any. Returns false when every slot is
     * taken (or the peer is not bound yet): the orders stay pending and
     * {@link Upstream#ordersSlotFree} follows when a slot frees.
     */
    public boolean sendOrders() {
        if (orders.isEmpty()) {
            return true;
        }
        Executor loop = peerLoop;
        PeerOrders next = loop == null ? null : freeOrders.take();
        if (next == null) {
            selectionWaiting = true;
            // The peer may have bound or given a slot back before it saw the flag: look again.
            loop = peerLoop;
            next = loop == null ? null : freeOrders.take();
            if (next == null) {
                return false;
            }
            selectionWaiting = false;
        }
        Downstream peer = downstream;
        PeerOrders full = orders;
        orders = next;
        loop.execute(() -> peer.execute(full));
        return true;
    }

    /** Selection has handled a report: give it back, and wake the peer if it stopped reading. */
    public void reportDone(PeerReport done) {
        done.clear();
        if (done.isFinal) {
            return; // the last report was the peer's own batch, not one of the slots
        }
        freeReports.give(done);
        if (peerPaused) {
            peerPaused = false;
            Executor loop = peerLoop;
            Downstream peer = downstream;
            if (loop != null) {
                loop.execute(peer::resume);
            }
        }
    }

    /** The peer is gone: release what selection still holds for it. */
    public void discardOrders() {
        orders.releaseRequests();
        orders.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    public Object attachment() {
        return attachment;
    }

    public void attach(Object state) {
        this.attachment = state;
    }

    /** Free report slots, for tests and diagnostics. */
    public int freeReportSlots() {
        return freeReports.free();
    }

    public int freeOrderSlots() {
        return freeOrders.free();
    }
}
