package dev.spate.cli;

import dev.spate.metainfo.MagnetUri;
import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.MetainfoException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the torrents and magnet links users name; anything wrong is one line naming the input, exit 3. */
final class Inputs {
    private Inputs() {
    }

    interface Reader<T> {
        T read() throws IOException;
    }

    static boolean isMagnet(String source) {
        return source.regionMatches(true, 0, "magnet:", 0, 7);
    }

    static Metainfo torrent(String source) {
        return read(source, () -> Metainfo.read(Path.of(source)));
    }

    static MagnetUri magnet(String source) {
        return read(source, () -> MagnetUri.parse(source));
    }

    static <T> T read(String source, Reader<T> reader) {
        String shown = source.length() > 80 ? source.substring(0, 77) + "..." : source;
        try {
            return reader.read();
        } catch (MetainfoException e) {
            throw UserError.badTorrent(shown, e.getMessage());
        } catch (NoSuchFileException e) {
            throw UserError.badTorrent(shown, "no such file");
        } catch (IOException e) {
            throw UserError.badTorrent(shown, "cannot read it: " + e.getMessage());
        }
    }
}
