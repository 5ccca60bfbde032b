package dev.spate.discovery.dht;

import dev.spate.discovery.dht.krpc.KrpcMessage;
import dev.spate.metainfo.bencode.BString;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Our queries that wait for an answer, by their two-byte transaction id. An answer counts only
 * from the address the query went to; a query without one times out on the loop's timer. At most
 * {@code max} wait at once (well under the 65,536 ids), so ids are found quickly.
 */
final class Transactions {
    /** What to do with the answer to one query. */
    interface Callback {
        /** A response or an error from the node asked. */
        void onReply(KrpcMessage reply);

        void onTimeout();
    }

    private record Pending(InetSocketAddress to, Callback callback, ScheduledFuture<?> timer) {
    }

    private final EventExecutor loop;
    private final Random random;
    private final long timeoutNanos;
    private final int max;
    private final Map<Integer, Pending> pending = new HashMap<>();

    Transactions(EventExecutor loop, Random random, long timeoutNanos, int max) {
        this.loop = loop;
        this.random = random;
        this.timeoutNanos = timeoutNanos;
        this.max = Math.min(max, 1 << 14);
    }

    /** Registers a query to {@code to}; its transaction id, or null when too many wait already. */
    BString open(InetSocketAddress to, Callback callback) {
        assert loop.inEventLoop();
        if (pending.size() >= max) {
            return null;
        }
        int id;
        do {
            id = random.nextInt() & 0xffff;
        } while (pending.containsKey(id));
        int key = id;
        ScheduledFuture<?> timer = loop.schedule(() -> expire(key), timeoutNanos, TimeUnit.NANOSECONDS);
        pending.put(key, new Pending(to, callback, timer));
        return BString.of(new byte[] {(byte) (id >>> 8), (byte) id});
    }

    /** Hands an answer to its query's callback; false if no query of ours to {@code from} has its id. */
    boolean complete(KrpcMessage reply, InetSocketAddress from) {
        assert loop.inEventLoop();
        BString t = reply.transaction();
        if (t.length() != 2) {
            return false;
        }
        int key = (t.byteAt(0) & 0xff) << 8 | (t.byteAt(1) & 0xff);
        Pending p = pending.get(key);
        if (p == null || !p.to.equals(from)) {
            return false;
        }
        pending.remove(key);
        p.timer.cancel(false);
        p.callback.onReply(reply);
        return true;
    }

    /** Forgets an id whose send failed; its callback is not called. */
    void cancel(BString t) {
        Pending p = pending.remove((t.byteAt(0) & 0xff) << 8 | (t.byteAt(1) & 0xff));
        if (p != null) {
            p.timer.cancel(false);
        }
    }

    int size() {
        return pending.size();
    }

    /** Times out every waiting query at once (the node is closing). */
    void expireAll() {
        List<Integer> keys = new ArrayList<>(pending.keySet());
        for (int key : keys) {
            Pending p = pending.get(key);
            if (p != null) {
                p.timer.cancel(false);
                expire(key);
            }
        }
    }

    private void expire(int key) {
        Pending p = pending.remove(key);
        if (p != null) {
            p.callback.onTimeout();
        }
    }
}
