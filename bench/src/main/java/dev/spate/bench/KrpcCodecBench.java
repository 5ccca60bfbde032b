package dev.spate.bench;

import dev.spate.discovery.dht.krpc.KrpcCodec;
import dev.spate.discovery.dht.krpc.KrpcMessage;
import dev.spate.discovery.dht.krpc.KrpcQuery;
import dev.spate.discovery.dht.krpc.KrpcResponse;
import dev.spate.discovery.dht.krpc.NodeContact;
import dev.spate.discovery.dht.krpc.NodeId;
import dev.spate.metainfo.bencode.BString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The KRPC codec on the messages a DHT node handles most: a get_peers query in, and the largest
 * reply it sends out (8 nodes, 50 peers, a token). Operations per second on one thread; run with
 * {@code -prof gc} for bytes allocated per message.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class KrpcCodecBench {
    private byte[] query;
    private byte[] reply;
    private KrpcMessage replyMessage;

    @Setup
    public void setUp() throws UnknownHostException {
        Random random = new Random(1);
        BString t = BString.of(new byte[] {1, 2});
        query = KrpcCodec.encode(new KrpcQuery(t, NodeId.random(random),
                new KrpcQuery.GetPeers(NodeId.random(random), Optional.empty()), false));
        List<NodeContact> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            nodes.add(new NodeContact(NodeId.random(random), new InetSocketAddress(ip(random), 6881 + i)));
        }
        List<InetSocketAddress> peers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            peers.add(new InetSocketAddress(ip(random), 50_000 + i));
        }
        replyMessage = new KrpcResponse(t, NodeId.random(random), nodes, List.of(),
                Optional.of(BString.of(new byte[8])), peers, Optional.of(new InetSocketAddress(ip(random), 6881)));
        reply = KrpcCodec.encode(replyMessage);
    }

    private static InetAddress ip(Random random) throws UnknownHostException {
        byte[] b = new byte[4];
        random.nextBytes(b);
        return InetAddress.getByAddress(b);
    }

    @Benchmark
    public KrpcMessage decodeQuery() {
        return KrpcCodec.decode(query);
    }

    @Benchmark
    public KrpcMessage decodeFullReply() {
        return KrpcCodec.decode(reply);
    }

    @Benchmark
    public byte[] encodeFullReply() {
        return KrpcCodec.encode(replyMessage);
    }
}
