package dev.spate.disk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spate.disk.layout.StorageLayout;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file of a torrent stays under its download directory, whatever its path or the links on the way. */
class ConfinementTest {

    static final StorageLayout TWO = StorageLayout.of(new long[] {100, 100}, 64);

    @TempDir
    Path tmp;

    @Test
    void dotDotAndOtherTrickyComponentsAreRefusedByName() {
        Path dl = tmp.resolve("dl");
        assertRefused(dl, List.of(List.of("ok"), List.of("a", "..", "..", "etc", "passwd")),
                "files[1].path[1]: \"..\" is not allowed");
        assertRefused(dl, List.of(List.of("."), List.of("b")), "files[0].path[0]: \".\" is not allowed");
        assertRefused(dl, List.of(List.of("a/../../x"), List.of("b")), "files[0].path[0]");
        assertRefused(dl, List.of(List.of("a"), List.of("/etc/passwd")), "files[1].path[0]");
        assertRefused(dl, List.of(List.of("a"), List.of()), "files[1].path: empty");
        assertRefused(dl, List.of(List.of("a"), List.of("x", "")), "files[1].path[1]: empty component");
        assertRefused(dl, List.of(List.of("a\0b"), List.of("b")), "files[0].path[0]");
        assertThat(tmp.resolve("dl")).doesNotExist();
    }

    @Test
    void aDirectorySymlinkPointingOutsideIsRefusedAndNothingIsCreatedThere() throws Exception {
        Path dl = Files.createDirectory(tmp.resolve("dl"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.createSymbolicLink(dl.resolve("escape"), outside);
        try (FileStorage storage = storage(dl, List.of(List.of("escape", "deeper", "victim"), List.of("fine")))) {
            assertThatThrownBy(() -> storage.write(0, 0, ByteBuffer.wrap(new byte[10])))
                    .isInstanceOf(PathEscapeException.class)
                    .hasMessageContaining("outside the download directory");
            assertThatThrownBy(() -> storage.read(0, 0, ByteBuffer.allocate(10))).isInstanceOf(PathEscapeException.class);
            storage.write(1, 0, ByteBuffer.wrap(new byte[10]));
        }
        assertThat(outside).isEmptyDirectory();
        assertThat(dl.resolve("fine")).exists();
    }

    @Test
    void aFileSymlinkPointingOutsideIsRefusedForReadsWritesAndZeroCopy() throws Exception {
        Path dl = Files.createDirectory(tmp.resolve("dl"));
        Path secret = Files.write(tmp.resolve("secret"), new byte[100]);
        Files.createSymbolicLink(dl.resolve("a"), secret);
        Files.createSymbolicLink(dl.resolve("b"), tmp.resolve("nowhere"));
        try (FileStorage storage = storage(dl, List.of(List.of("a"), List.of("b")))) {
            assertThatThrownBy(() -> storage.read(0, 0, ByteBuffer.allocate(10))).isInstanceOf(PathEscapeException.class);
            assertThatThrownBy(() -> storage.write(0, 0, ByteBuffer.allocate(10))).isInstanceOf(PathEscapeException.class);
            assertThatThrownBy(() -> storage.leaseChannel(0)).isInstanceOf(PathEscapeException.class);
            assertThatThrownBy(() -> storage.size(0)).isInstanceOf(PathEscapeException.class);
            assertThatThrownBy(() -> storage.write(1, 0, ByteBuffer.allocate(10)))
                    .isInstanceOf(PathEscapeException.class).hasMessageContaining("symbolic link to nothing");
        }
        assertThat(tmp.resolve("nowhere")).doesNotExist();
        assertThat(secret).hasBinaryContent(new byte[100]);
    }

    @Test
    void symlinksThatStayInsideAreFollowed() throws Exception {
        Path dl = Files.createDirectory(tmp.resolve("dl"));
        Files.createDirectory(dl.resolve("real"));
        Files.createSymbolicLink(dl.resolve("alias"), dl.resolve("real"));
        try (FileStorage storage = storage(dl, List.of(List.of("alias", "f"), List.of("g")))) {
            storage.write(0, 0, ByteBuffer.wrap(new byte[] {1, 2, 3}));
        }
        assertThat(dl.resolve("real").resolve("f")).exists();
    }

    @Test
    void aDownloadDirectoryThatIsItselfASymlinkIsTheUsersChoice() throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path dl = Files.createSymbolicLink(tmp.resolve("dl"), real);
        try (FileStorage storage = storage(dl, List.of(List.of("f"), List.of("g")))) {
            storage.write(0, 0, ByteBuffer.wrap(new byte[] {1}));
        }
        assertThat(real.resolve("f")).exists();
    }

    private static FileStorage storage(Path dl, List<List<String>> paths) {
        return new FileStorage(dl, paths, TWO, new FileHandlePool(4));
    }

    private static void assertRefused(Path dl, List<List<String>> paths, String message) {
        assertThatThrownBy(() -> storage(dl, paths)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
