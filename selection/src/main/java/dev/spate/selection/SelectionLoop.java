package dev.spate.selection;

import dev.spate.protocol.peer.PeerLink;
import dev.spate.protocol.peer.PeerReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The selection thread: the one owner of every swarm's state. Other threads reach it only by
 * posting to its inbox ({@link #execute}, and {@link PeerLink.Upstream} for peers); it sleeps only
 * on that inbox, until the next tick. Each turn drains the inbox, runs due timers, then sends
 * every peer the orders the turn produced, one batch per peer.
 */
public final class SelectionLoop implements PeerLink.Upstream, Executor, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(SelectionLoop.class);

    private record ReportArrived(PeerLink link, PeerReport report) {
    }

    private record SlotFree(PeerLink link) {
    }

    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final List<Swarm> swarms = new ArrayList<>();
    private final LongSupplier clock;
    private final long tickNanos;
    private final Thread thread;
    private volatile boolean sleeping;
    private volatile boolean running = true;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private long nextTick;

    public SelectionLoop(String name, SelectionConfig config, LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.tickNanos = config.tickInterval().toNanos();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    public long now() {
        return clock.getAsLong();
    }

    /** Runs a command on the selection thread. Any thread; never blocks. */
    @Override
    public void execute(Runnable command) {
        post(command);
    }

    /** Runs a command on the selection thread and completes with its result. */
    public <T> CompletableFuture<T> submit(java.util.function.Supplier<T> command) {
        CompletableFuture<T> result = new CompletableFuture<>();
        post((Runnable) () -> {
            try {
                result.complete(command.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Adds a swarm; it is ticked and flushed every turn. Selection thread only. */
    public void addSwarm(Swarm swarm) {
        assert inLoop();
        swarms.add(swarm);
    }

    public void removeSwarm(Swarm swarm) {
        assert inLoop();
        swarms.remove(swarm);
    }

    @Override
    public void reportReady(PeerLink link, PeerReport report) {
        post(new ReportArrived(link, report));
    }

    @Override
    public void ordersSlotFree(PeerLink link) {
        post(new SlotFree(link));
    }

    private void post(Object event) {
        inbox.add(event);
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        try {
            while (running) {
                turn();
                long wait = nextTick - clock.getAsLong();
                if (wait > 0 && inbox.isEmpty()) {
                    sleeping = true;
                    if (inbox.isEmpty() && running) {
                        LockSupport.parkNanos(this, wait);
                    }
                    sleeping = false;
                }
            }
        } catch (Throwable t) {
            LOG.error("selection thread died", t);
        } finally {
            terminated.complete(null);
        }
    }

    private void turn() {
        Object event;
        int handled = 0;
        while ((event = inbox.poll()) != null && handled++ < 10_000) {
            dispatch(event);
        }
        long now = clock.getAsLong();
        if (now >= nextTick) {
            nextTick = now + tickNanos;
            for (Swarm s : swarms) {
                s.tick(now);
            }
        }
        for (Swarm s : swarms) {
            s.flush();
        }
    }

    private void dispatch(Object event) {
        try {
            if (event instanceof ReportArrived r) {
                Swarm swarm = swarmOf(r.link());
                if (swarm != null) {
                    swarm.onReport(r.link(), r.report(), clock.getAsLong());
                } else {
                    r.link().reportDone(r.report());
                }
            } else if (event instanceof SlotFree f) {
                Swarm swarm = swarmOf(f.link());
                if (swarm != null) {
                    swarm.ordersSlotFree(f.link());
                }
            } else {
                ((Runnable) event).run();
            }
        } catch (RuntimeException | AssertionError e) {
            LOG.error("selection: failed to handle {}", event, e);
        }
    }

    private Swarm swarmOf(PeerLink link) {
        return link.attachment() instanceof SwarmPeer p ? p.swarm : null;
    }

    /** Stops the thread after the commands already posted; waits for it at most the timeout. */
    @Override
    public void close() {
        post((Runnable) () -> running = false);
        try {
            terminated.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("selection thread did not stop in time");
        }
    }
}
