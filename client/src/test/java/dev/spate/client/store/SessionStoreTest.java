package dev.spate.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
    private static final String HASH = "697ef8b00953731999f166c530a534dc41e6de61";

    @TempDir
    Path tmp;

    private static Settings settings(int position) {
        return new Settings(position, true, new byte[] {4, 0, 7}, true, 1000, 2000, 30, 3, 1.5, 600, "REMOVE");
    }

    @Test
    void everythingWrittenComesBackAfterReopening() throws Exception {
        Path file = tmp.resolve("data.bin");
        Files.write(file, new byte[123]);
        BitSet verified = new BitSet();
        verified.set(1);
        verified.set(70);
        try (SessionStore store = SessionStore.open(tmp.resolve("state"), Duration.ofMillis(50))) {
            store.saveTorrent(HASH, new byte[] {1, 2, 3}, null, "/dl", 42);
            store.saveSettings(HASH, settings(5));
            store.saveTotals(HASH, new Totals(10, 20, 30));
            store.saveResume(HASH, new ResumeSnapshot(verified, java.util.Arrays.asList(file, null), 99, true));
            store.savePeers(HASH, List.of(new KnownPeer("127.0.0.1", 6881, 7, 0, null),
                    new KnownPeer("10.0.0.1", 51413, 0, 3, "CONNECT_FAILED")));
        }
        try (SessionStore store = SessionStore.open(tmp.resolve("state"), Duration.ofMillis(50))) {
            List<StoredTorrent> all = store.loadAll().get();
            assertThat(all).hasSize(1);
            StoredTorrent t = all.get(0);
            assertThat(t.metainfo()).containsExactly(1, 2, 3);
            assertThat(t.savePath()).isEqualTo("/dl");
            assertThat(t.settings()).usingRecursiveComparison().isEqualTo(settings(5));
            assertThat(t.totals()).isEqualTo(new Totals(10, 20, 30));
            Resume r = t.resume().orElseThrow();
            assertThat(r.verified()).isEqualTo(verified);
            assertThat(r.stamps()).containsExactly(FileStamp.of(file), FileStamp.ABSENT);
            assertThat(r.stamps().get(0).size()).isEqualTo(123);
            assertThat(r.takenMillis()).isEqualTo(99);
            assertThat(r.clean()).isTrue();
            assertThat(t.peers()).extracting(KnownPeer::port).containsExactly(6881, 51413);
        }
    }

    @Test
    void writesAreBatchedAndALoadSeesThemAll() throws Exception {
        try (SessionStore store = SessionStore.open(tmp.resolve("state"), Duration.ofHours(1))) {
            store.saveTorrent(HASH, null, "magnet:?xt=urn:btih:" + HASH, "/dl", 1);
            for (int i = 0; i < 100; i++) {
                store.saveSettings(HASH, settings(i));
            }
            Optional<StoredTorrent> t = store.load(HASH).get();
            assertThat(t).isPresent();
            assertThat(t.get().settings().queuePosition()).isEqualTo(99);
            assertThat(t.get().magnet()).startsWith("magnet:");
            assertThat(t.get().resume()).isEmpty();
        }
    }

    @Test
    void aDeletedTorrentIsGoneWithItsResumeDataAndPeers() throws Exception {
        try (SessionStore store = SessionStore.open(tmp.resolve("state"), Duration.ofMillis(10))) {
            store.saveTorrent(HASH, new byte[] {1}, null, "/dl", 1);
            store.saveResume(HASH, new ResumeSnapshot(new BitSet(), List.of(), 1, false));
            store.savePeers(HASH, List.of(new KnownPeer("127.0.0.1", 1, 1, 0, null)));
            store.flush().get();
            store.delete(HASH);
            assertThat(store.loadAll().get()).isEmpty();
            store.saveResume(HASH, new ResumeSnapshot(new BitSet(), List.of(), 1, false));
            assertThat(store.loadAll().get()).as("no resume data without its torrent").isEmpty();
        }
    }

    @Test
    void aStoreOfNothingKeepsNothing() throws Exception {
        try (SessionStore store = SessionStore.none()) {
            store.saveTorrent(HASH, new byte[] {1}, null, "/dl", 1);
            assertThat(store.loadAll().get()).isEmpty();
            assertThat(store.persistent()).isFalse();
        }
    }
}
