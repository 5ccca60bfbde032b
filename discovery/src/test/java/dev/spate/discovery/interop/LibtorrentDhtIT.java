package dev.spate.discovery.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.discovery.Await;
import dev.spate.discovery.Ticker;
import dev.spate.discovery.dht.DhtConfig;
import dev.spate.discovery.dht.DhtNode;
import dev.spate.interop.ExternalProcess;
import dev.spate.interop.RealClients;
import dev.spate.interop.LoopbackPorts;
import dev.spate.metainfo.InfoHash;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libtorrent's DHT node (python3-libtorrent) and a small private DHT of spate nodes, all on
 * 127.0.0.1: libtorrent bootstraps from one spate node and finds, by get_peers, a peer a spate node
 * announced; and a spate node finds a peer libtorrent announced. libtorrent's restrictions that
 * assume one node per IP address are turned off (see {@code lt_dht.py}).
 */
@Tag("interop")
class LibtorrentDhtIT {
    static final int SPATE_NODES = 8;
    static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    EventLoopGroup group;
    final List<DhtNode> nodes = new ArrayList<>();
    /** Debian's python3: libtorrent's binding imports only there. */
    static final String PYTHON = "/usr/bin/python3";
    final List<ExternalProcess> processes = new ArrayList<>();
    final Random random = new Random(5);

    @BeforeEach
    void setUp() throws Exception {
        Installed.require(RealClients.LIBTORRENT);
        group = new NioEventLoopGroup(1);
        nodes.add(DhtNode.start(DhtConfig.loopback(), group, Ticker.system()));
        for (int i = 1; i < SPATE_NODES; i++) {
            InetSocketAddress from = nodes.get(random.nextInt(i)).localAddress();
            nodes.add(DhtNode.start(DhtConfig.loopback().withBootstrap(List.of(from)), group, Ticker.system()));
        }
        Await.until("the spate nodes know each other", DEADLINE,
                () -> nodes.stream().allMatch(n -> n.stats().join().nodes() >= SPATE_NODES / 2));
    }

    @AfterEach
    void tearDown() {
        processes.forEach(ExternalProcess::close);
        nodes.forEach(DhtNode::close);
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void libtorrentFindsAPeerAnnouncedToTheSpateNodes() throws Exception {
        InfoHash hash = randomHash();
        int peerPort = LoopbackPorts.free();
        assertThat(nodes.get(2).announce(hash, peerPort).get(30, TimeUnit.SECONDS).announcedTo()).isPositive();
        ExternalProcess lt = libtorrent("lt-get", "get", hash, nodes.get(0));
        String wanted = "PEER 127.0.0.1:" + peerPort;
        awaitOutput(lt, wanted);
        System.out.println("[interop] libtorrent found the peer spate announced: " + wanted);
        // libtorrent's node queried ours; it answers our check, so spate keeps it in its tables.
        InetSocketAddress ltNode = new InetSocketAddress(InetAddress.getLoopbackAddress(), ltPortOf(lt));
        Await.until("a spate routing table holds libtorrent's node", DEADLINE, () -> nodes.stream()
                .anyMatch(n -> n.snapshot().join().nodes().stream().anyMatch(c -> c.address().equals(ltNode))));
    }

    @Test
    void spateFindsAPeerLibtorrentAnnounced() throws Exception {
        InfoHash hash = randomHash();
        ExternalProcess lt = libtorrent("lt-announce", "announce", hash, nodes.get(1));
        awaitOutput(lt, "ADDED");
        InetSocketAddress expected = new InetSocketAddress(InetAddress.getLoopbackAddress(), ltPortOf(lt));
        Set<InetSocketAddress> found = ConcurrentHashMap.newKeySet();
        DhtNode asker = nodes.get(SPATE_NODES - 1);
        try {
            Await.until("a spate lookup finds libtorrent's peer " + expected, DEADLINE, () -> {
                asker.getPeers(hash, (h, peers) -> found.addAll(peers)).join();
                return found.contains(expected);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + lt.tail(), e);
        }
        System.out.println("[interop] spate found the peer libtorrent announced: " + expected);
    }

    InfoHash randomHash() {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return InfoHash.of(b);
    }

    /** The port each libtorrent process listens on (TCP for peers, UDP for its DHT node). */
    final Map<ExternalProcess, Integer> ports = new HashMap<>();

    int ltPortOf(ExternalProcess p) {
        return ports.get(p);
    }

    ExternalProcess libtorrent(String name, String mode, InfoHash hash, DhtNode bootstrap) throws Exception {
        int port = LoopbackPorts.free();
        String script = Path.of(getClass().getResource("/interop/lt_dht.py").toURI()).toString();
        ExternalProcess p = ExternalProcess.start(name, dir, List.of(PYTHON, script, mode, hash.toHex(),
                Integer.toString(port), "127.0.0.1:" + bootstrap.port()));
        processes.add(p);
        ports.put(p, port);
        return p;
    }

    static void awaitOutput(ExternalProcess p, String line) {
        try {
            Await.until("\"" + line + "\" from libtorrent", DEADLINE, () -> !p.isAlive() || printed(p, line));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + p.tail(), e);
        }
        assertThat(p.isAlive()).as("libtorrent still runs; %s", p.tail()).isTrue();
    }

    static boolean printed(ExternalProcess p, String line) {
        return p.output().lines().anyMatch(l -> l.startsWith(line));
    }
}
