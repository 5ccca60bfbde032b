package dev.spate.client.interop;

import static dev.spate.interop.RealClients.ARIA2;
import static dev.spate.interop.RealClients.LIBTORRENT;
import static dev.spate.interop.RealClients.TRANSMISSION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spate.interop.Poll;
import dev.spate.interop.RealClient;
import dev.spate.interop.RunningPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * One spate seeder and five leechers at once, of four kinds: two spate peers, libtorrent, aria2
 * and Transmission. They meet through spate's tracker (HTTP: aria2 speaks no UDP to trackers with
 * DHT off) and trade among themselves; every one must complete with the payload's bytes.
 */
@Tag("interop")
@ExtendWith(MatrixReport.class)
class MixedSwarmIT {
    private static final Duration DEADLINE = Duration.ofSeconds(180);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void fiveLeechersOfFourKindsAllComplete(Cell cell) throws Exception {
        cell.is("mixed swarm", "", "spate → 2 spate, libtorrent, aria2, Transmission",
                "5 leechers at once, " + Plan.words(Layout.SINGLE_FILE, PieceSize.KIB_256, TrackerKind.SPATE_HTTP));
        Require.installed(LIBTORRENT, ARIA2, TRANSMISSION);
        try (Transfer swarm = Transfer.prepare(dir, Layout.SINGLE_FILE, PieceSize.KIB_256, TrackerKind.SPATE_HTTP)) {
            SpatePeer seeder = swarm.startSpateSeeder();
            Map<String, BooleanSupplier> done = new LinkedHashMap<>();
            Map<String, Supplier<String>> state = new LinkedHashMap<>();
            for (String name : List.of("spate-1", "spate-2")) {
                SpatePeer spate = swarm.startSpateLeecher(name);
                done.put(name, () -> spate.torrent().completion().isDone());
                state.put(name, spate::describe);
            }
            for (RealClient client : List.of(LIBTORRENT, ARIA2, TRANSMISSION)) {
                RunningPeer peer = swarm.startLeecher(client, client.name());
                if (!client.dialsLoopback()) {
                    seeder.dial(peer.port());
                }
                done.put(client.name(), peer::isComplete);
                state.put(client.name(), peer::describe);
            }
            long start = System.nanoTime();
            boolean all = Poll.until(DEADLINE, () -> done.values().stream().allMatch(BooleanSupplier::getAsBoolean));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(all).as("every leecher completes within %d s; not done: %s\n%s\n%s\n%s", DEADLINE.toSeconds(),
                    done.entrySet().stream().filter(e -> !e.getValue().getAsBoolean()).map(Map.Entry::getKey)
                            .collect(Collectors.toList()),
                    seeder.describe(), state.values().stream().map(Supplier::get)
                            .collect(Collectors.joining("\n")), swarm.trackerState()).isTrue();
            for (String name : done.keySet()) {
                swarm.assertHasThePayload(name);
            }
            cell.measured(swarm.totalBytes() * done.size(), took);
        }
    }
}
