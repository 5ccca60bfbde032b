package dev.spate.discovery.tracker.udp;

import dev.spate.discovery.Durations;
import dev.spate.discovery.Ticker;
import dev.spate.discovery.tracker.TrackerClientConfig;
import dev.spate.discovery.tracker.TrackerException;
import dev.spate.discovery.tracker.TrackerException.Kind;
import dev.spate.discovery.tracker.wire.CompactPeers;
import dev.spate.discovery.tracker.wire.UdpTrackerWire;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Every UDP tracker exchange of one datagram channel (BEP 15): a connect when no connection id
 * younger than its lifetime is cached for the tracker, then the announce or scrape; replies matched
 * by transaction id and sender; retransmission after {@code base * 2^n}, with {@code n} counting
 * the timeouts of the whole exchange (connect and request), as in BEP 15's examples. All state belongs to the channel's event
 * loop; {@link #submit} must be called there.
 */
public final class UdpTrackerHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LogManager.getLogger(UdpTrackerHandler.class);
    /** Trackers whose connection ids we remember; beyond this the expired ones go, then all. */
    private static final int MAX_CACHED_CONNECTION_IDS = 1024;

    private final TrackerClientConfig config;
    private final Ticker ticker;
    private final Random random;
    private final Map<Integer, Exchange<?>> pending = new HashMap<>();
    private final Map<InetSocketAddress, CachedId> connectionIds = new HashMap<>();
    private ChannelHandlerContext ctx;

    private record CachedId(long id, long receivedNanos) {
    }

    public UdpTrackerHandler(TrackerClientConfig config, Ticker ticker, Random random) {
        this.config = config;
        this.ticker = ticker;
        this.random = random;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Starts an exchange with the tracker at {@code address}; call on the channel's event loop. */
    public <T> CompletableFuture<T> submit(URI tracker, InetSocketAddress address, UdpRequest<T> request) {
        assert ctx.executor().inEventLoop() : "UDP tracker exchanges belong to their channel's event loop";
        CompletableFuture<T> result = new CompletableFuture<>();
        Exchange<T> exchange = new Exchange<>(tracker, address, request, result);
        if (!ctx.channel().isActive()) {
            exchange.fail(Kind.NETWORK, "the UDP tracker socket is closed");
        } else {
            exchange.send();
        }
        return result;
    }

    /** How many exchanges wait for a reply; for tests and status. */
    public int pendingExchanges() {
        return pending.size();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf in = packet.content();
        if (in.readableBytes() < 8) {
            LOG.debug("dropped a {}-byte UDP packet from {}: too short for a tracker reply", in.readableBytes(),
                    packet.sender());
            return;
        }
        Exchange<?> exchange = pending.get(UdpTrackerWire.replyTransactionId(in));
        if (exchange == null || !sameEndpoint(exchange.address, packet.sender())) {
            LOG.debug("dropped a UDP packet from {}: no exchange waits for its transaction id", packet.sender());
            return;
        }
        exchange.onReply(UdpTrackerWire.replyAction(in), in);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (Exchange<?> e : new ArrayList<>(pending.values())) {
            e.fail(Kind.NETWORK, "the UDP tracker socket closed");
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // An unconnected datagram socket only reports local trouble; exchanges time out on their own.
        LOG.debug("UDP tracker socket: {}", cause.toString());
    }

    private Long freshConnectionId(InetSocketAddress address) {
        CachedId cached = connectionIds.get(address);
        if (cached == null) {
            return null;
        }
        if (ticker.nanoTime() - cached.receivedNanos >= config.connectionIdLifetime().toNanos()) {
            connectionIds.remove(address);
            return null;
        }
        return cached.id;
    }

    private void cacheConnectionId(InetSocketAddress address, long id) {
        long now = ticker.nanoTime();
        if (connectionIds.size() >= MAX_CACHED_CONNECTION_IDS) {
            long lifetime = config.connectionIdLifetime().toNanos();
            connectionIds.values().removeIf(c -> now - c.receivedNanos >= lifetime);
            if (connectionIds.size() >= MAX_CACHED_CONNECTION_IDS) {
                connectionIds.clear();
            }
        }
        connectionIds.put(address, new CachedId(id, now));
    }

    private int newTransactionId() {
        int id;
        do {
            id = random.nextInt();
        } while (pending.containsKey(id));
        return id;
    }

    private static boolean sameEndpoint(InetSocketAddress a, InetSocketAddress b) {
        return b != null && a.getPort() == b.getPort()
                && CompactPeers.unmap(a.getAddress()).equals(CompactPeers.unmap(b.getAddress()));
    }

    /** One announce or scrape, from the first send to its result. */
    private final class Exchange<T> {
        final URI tracker;
        final InetSocketAddress address;
        final UdpRequest<T> request;
        final CompletableFuture<T> result;
        final boolean ipv6;
        /** Timeouts so far: the {@code n} of BEP 15's {@code 15 * 2^n}. A connect reply does not reset it. */
        int retransmissions;
        Integer transactionId;
        boolean connecting;
        io.netty.util.concurrent.ScheduledFuture<?> timer;

        Exchange(URI tracker, InetSocketAddress address, UdpRequest<T> request, CompletableFuture<T> result) {
            this.tracker = tracker;
            this.address = address;
            this.request = request;
            this.result = result;
            this.ipv6 = !CompactPeers.isIpv4(address.getAddress());
        }

        /** Sends the connect or the request, whichever is due, and arms the retransmission timer. */
        void send() {
            Long id = freshConnectionId(address);
            boolean wasConnecting = connecting;
            connecting = id == null;
            if (transactionId == null || wasConnecting != connecting) {
                // A retransmission keeps its transaction id, so a late reply to an earlier send still counts.
                if (transactionId != null) {
                    pending.remove(transactionId);
                }
                transactionId = newTransactionId();
                pending.put(transactionId, this);
            }
            ByteBuf out = ctx.alloc().buffer(connecting ? UdpTrackerWire.CONNECT_REQUEST_LENGTH : 128);
            if (connecting) {
                UdpTrackerWire.writeConnectRequest(out, transactionId);
            } else {
                request.write(out, id, transactionId);
            }
            ctx.writeAndFlush(new DatagramPacket(out, address)).addListener(f -> {
                if (!f.isSuccess()) {
                    fail(Kind.NETWORK, "cannot send to " + address + ": " + f.cause());
                }
            });
            Duration wait = config.udpRetransmitDelay(retransmissions);
            timer = ctx.executor().schedule(this::timedOut, wait.toNanos(), TimeUnit.NANOSECONDS);
        }

        void timedOut() {
            if (result.isDone()) {
                return;
            }
            if (retransmissions >= config.udpMaxRetransmits()) {
                fail(Kind.TIMEOUT, "no reply after " + (retransmissions + 1) + " sends, the last one waited "
                        + Durations.human(config.udpRetransmitDelay(retransmissions)));
            } else {
                retransmissions++;
                send();
            }
        }

        void onReply(int action, ByteBuf in) {
            if (action == UdpTrackerWire.ACTION_ERROR) {
                if (!connecting) {
                    connectionIds.remove(address); // the usual error: our connection id is stale
                }
                String message = UdpTrackerWire.readErrorMessage(in);
                fail(Kind.REJECTED, message.isBlank() ? "error reply without a message" : message);
                return;
            }
            int expected = connecting ? UdpTrackerWire.ACTION_CONNECT : request.action();
            if (action != expected) {
                fail(Kind.MALFORMED, "expected a reply with action " + expected + ", got action " + action);
                return;
            }
            try {
                if (connecting) {
                    cacheConnectionId(address, UdpReplies.connectionId(in));
                    timer.cancel(false);
                    send();
                } else {
                    complete(request.read(in, ipv6));
                }
            } catch (IllegalArgumentException e) {
                fail(Kind.MALFORMED, e.getMessage());
            }
        }

        void complete(T value) {
            finish();
            result.complete(value);
        }

        void fail(Kind kind, String detail) {
            finish();
            result.completeExceptionally(new TrackerException(tracker, kind, detail));
        }

        private void finish() {
            if (timer != null) {
                timer.cancel(false);
            }
            if (transactionId != null) {
                pending.remove(transactionId, this);
            }
        }
    }
}
