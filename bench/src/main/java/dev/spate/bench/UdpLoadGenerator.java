package dev.spate.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Keeps a fixed number of BEP 15 announces in flight on each of several UDP sockets, from one
 * thread, and counts the replies. Each socket connects once (one connection id each); announces
 * go to random torrents among {@code swarms}, with random ports, so the tracker's swarms fill up
 * as they would with many peers. A socket that hears nothing for 200 ms counts its requests as lost
 * and sends a fresh window.
 */
final class UdpLoadGenerator {
    /** Replies counted in the measured window, and the tracker's CPU time over it (-1 if unknown). */
    record Result(long answered, long lost, long errors, long trackerCpuNanos) {
    }

    private static final long PROTOCOL_ID = 0x41727101980L;
    private static final long STALL_NANOS = 200_000_000L;

    private final InetSocketAddress tracker;
    private final ProcessCpu trackerCpu;
    private final int window;
    private final byte[][] hashes;
    private final Peer[] peers;
    private final SplittableRandom random;
    private final ByteBuffer send = ByteBuffer.allocateDirect(98);
    private final ByteBuffer receive = ByteBuffer.allocateDirect(2048);
    private int transactionId;
    private long answered;
    private long lost;
    private long errors;
    private boolean measuring;

    /** One socket and its requests in flight. */
    private static final class Peer {
        DatagramChannel channel;
        long connectionId;
        int inFlight;
        long lastReplyNanos;
    }

    UdpLoadGenerator(InetSocketAddress tracker, ProcessCpu trackerCpu, int sockets, int window, int swarms,
            long seed) {
        this.tracker = tracker;
        this.trackerCpu = trackerCpu;
        this.window = window;
        this.random = new SplittableRandom(seed);
        this.hashes = new byte[swarms][20];
        for (byte[] h : hashes) {
            random.nextBytes(h);
        }
        this.peers = new Peer[sockets];
    }

    Result run(Duration warmup, Duration measure) throws IOException {
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < peers.length; i++) {
                peers[i] = open();
                peers[i].channel.register(selector, SelectionKey.OP_READ, peers[i]);
            }
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long end = measureFrom + measure.toNanos();
            for (Peer p : peers) {
                refill(p, System.nanoTime());
            }
            long nextStallCheck = start;
            long cpuAtStart = -1;
            while (true) {
                long now = System.nanoTime();
                if (now - end >= 0) {
                    break;
                }
                if (!measuring && now - measureFrom >= 0) {
                    measuring = true;
                    cpuAtStart = trackerCpu.nanos();
                }
                selector.select(10);
                for (SelectionKey key : selector.selectedKeys()) {
                    drain((Peer) key.attachment());
                }
                selector.selectedKeys().clear();
                if (now - nextStallCheck >= 0) {
                    nextStallCheck = now + STALL_NANOS / 2;
                    for (Peer p : peers) {
                        if (now - p.lastReplyNanos > STALL_NANOS) {
                            lost += measuring ? p.inFlight : 0;
                            p.inFlight = 0;
                            refill(p, now);
                        }
                    }
                }
            }
            long cpuAtEnd = trackerCpu.nanos();
            for (Peer p : peers) {
                p.channel.close();
            }
            return new Result(answered, lost, errors, cpuAtStart < 0 || cpuAtEnd < 0 ? -1 : cpuAtEnd - cpuAtStart);
        }
    }

    private Peer open() throws IOException {
        Peer p = new Peer();
        p.channel = DatagramChannel.open();
        p.channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
        p.channel.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
        p.channel.bind(new InetSocketAddress(tracker.getAddress(), 0));
        p.channel.connect(tracker);
        p.channel.socket().setSoTimeout(1000);
        byte[] request = ByteBuffer.allocate(16).putLong(PROTOCOL_ID).putInt(0).putInt(42).array();
        for (int attempt = 0; ; attempt++) {
            p.channel.socket().send(new DatagramPacket(request, request.length));
            DatagramPacket reply = new DatagramPacket(new byte[64], 64);
            try {
                p.channel.socket().receive(reply);
            } catch (SocketTimeoutException e) {
                if (attempt == 5) {
                    throw new IOException("no connect reply from " + tracker, e);
                }
                continue;
            }
            ByteBuffer b = ByteBuffer.wrap(reply.getData(), 0, reply.getLength());
            if (reply.getLength() >= 16 && b.getInt(0) == 0 && b.getInt(4) == 42) {
                p.connectionId = b.getLong(8);
                break;
            }
        }
        p.channel.configureBlocking(false);
        return p;
    }

    private void refill(Peer p, long now) throws IOException {
        p.lastReplyNanos = now;
        while (p.inFlight < window && announce(p)) {
            p.inFlight++;
        }
    }

    private void drain(Peer p) throws IOException {
        while (true) {
            receive.clear();
            if (p.channel.receive(receive) == null) {
                return;
            }
            receive.flip();
            p.inFlight = Math.max(0, p.inFlight - 1);
            p.lastReplyNanos = System.nanoTime();
            int action = receive.remaining() >= 8 ? receive.getInt(0) : -1;
            if (measuring) {
                if (action == 1) {
                    answered++;
                } else {
                    errors++;
                }
            }
            if (announce(p)) {
                p.inFlight++;
            }
        }
    }

    /** Sends one announce; false if the socket's send buffer is full. */
    private boolean announce(Peer p) throws IOException {
        send.clear();
        send.putLong(p.connectionId).putInt(1).putInt(transactionId++);
        send.put(hashes[random.nextInt(hashes.length)]);
        send.putLong(0x2d5350303130302dL).putLong(random.nextLong()).putInt(random.nextInt()); // peer id
        send.putLong(0).putLong(random.nextInt(2) * 1000L).putLong(0); // downloaded, left, uploaded
        send.putInt(0).putInt(0).putInt(random.nextInt()).putInt(-1); // event, IP, key, num_want
        send.putShort((short) (1 + random.nextInt(65535)));
        send.flip();
        return p.channel.write(send) > 0;
    }
}
