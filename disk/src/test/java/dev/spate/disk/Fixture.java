package dev.spate.disk;

import dev.spate.disk.layout.StorageLayout;
import dev.spate.disk.storage.MemoryStorage;
import dev.spate.disk.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A disk manager with one registered torrent of generated content; closing it closes the manager. */
final class Fixture implements AutoCloseable {

    enum Kind { MEMORY, FILES }

    static final DiskConfig CONFIG = new DiskConfig(4L << 20, 3, 1L << 20, 16, true);

    final DiskManager disk;
    final TestTorrent content;
    final RecordingListener listener = new RecordingListener();
    final Storage storage;
    final TorrentDisk torrent;

    private Fixture(DiskConfig config, StorageLayout layout, Kind kind, Path dir, UnaryOperator<Storage> decorate) {
        this.disk = DiskManager.start(config);
        this.content = TestTorrent.of(layout);
        Storage base = kind == Kind.MEMORY ? new MemoryStorage(layout) : disk.fileStorage(dir, paths(layout), layout);
        this.storage = decorate.apply(base);
        this.torrent = disk.register(layout, content.hashes(), storage, listener);
    }

    static Fixture of(Kind kind, StorageLayout layout, Path dir) {
        return new Fixture(CONFIG, layout, kind, dir, s -> s);
    }

    static Fixture of(Kind kind, StorageLayout layout, Path dir, DiskConfig config, UnaryOperator<Storage> decorate) {
        return new Fixture(config, layout, kind, dir, decorate);
    }

    static Fixture memory(StorageLayout layout) {
        return of(Kind.MEMORY, layout, null);
    }

    /** {@code dir/sub<i%2>/file<i>}, or {@code .pad/<i>} for padding files. */
    static List<List<String>> paths(StorageLayout layout) {
        List<List<String>> paths = new ArrayList<>();
        for (int i = 0; i < layout.fileCount(); i++) {
            paths.add(layout.isPadding(i) ? List.of(".pad", String.valueOf(i))
                    : List.of("dir", "sub" + (i % 2), "file" + i));
        }
        return paths;
    }

    static Path path(Path dir, int file) {
        return dir.resolve("dir").resolve("sub" + (file % 2)).resolve("file" + file);
    }

    @Override
    public void close() {
        disk.close();
    }
}
