package dev.spate.client;

import dev.spate.metainfo.Metainfo;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Clients a test starts, closed in reverse order at its end (then ResourceChecks looks for
 * leftovers): {@code @RegisterExtension final Clients clients = new Clients();}.
 */
final class Clients implements AutoCloseable, AfterEachCallback {
    private final List<TorrentClient> open = new ArrayList<>();

    TorrentClient start(ClientConfig config) {
        TorrentClient c = TorrentClient.create(config);
        open.add(c);
        return c;
    }

    /** A loopback client with two network threads. */
    TorrentClient loopback() {
        return start(ClientConfig.loopback().withNetworkThreads(2));
    }

    /** A loopback client seeding {@code metainfo} from {@code dir}, once its check found everything. */
    TorrentClient seeder(Metainfo metainfo, Path dir) throws Exception {
        TorrentClient c = loopback();
        c.add(metainfo, dir).completion().get(30, TimeUnit.SECONDS);
        return c;
    }

    static InetSocketAddress address(TorrentClient c) {
        return new InetSocketAddress("127.0.0.1", c.listenPort());
    }

    /** Closes one client now (a restart). */
    void close(TorrentClient c) {
        open.remove(c);
        c.close();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        open.clear();
    }
}
