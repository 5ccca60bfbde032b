package dev.spate.cli;

import dev.spate.client.TorrentEvent;
import java.util.Locale;

/**
 * One {@link TorrentEvent} as one line of JSON, for {@code --json}: {@code seq}, {@code type}
 * (snake case: {@code piece_verified}), {@code info_hash}, {@code name}, then the event's own fields.
 */
final class EventJson {
    private EventJson() {
    }

    static String line(TorrentEvent e) {
        JsonWriter w = JsonWriter.oneLine().beginObject();
        w.name("seq").value(e.sequence());
        w.name("type").value(type(e));
        w.name("info_hash").value(e.infoHash().toHex());
        w.name("name").value(e.name());
        if (e instanceof TorrentEvent.Added a) {
            w.name("dir").value(a.downloadDir().toString());
            w.name("state").value(state(a.state()));
        } else if (e instanceof TorrentEvent.MetadataReceived m) {
            w.name("files").value(m.fileCount());
            w.name("total_length").value(m.totalBytes());
        } else if (e instanceof TorrentEvent.CheckingProgress c) {
            w.name("fraction").value(c.fraction());
        } else if (e instanceof TorrentEvent.StateChanged s) {
            w.name("from").value(state(s.from()));
            w.name("to").value(state(s.to()));
        } else if (e instanceof TorrentEvent.PieceVerified p) {
            w.name("piece").value(p.piece());
        } else if (e instanceof TorrentEvent.FileCompleted f) {
            w.name("file").value(f.file());
            w.name("path").value(f.path() == null ? null : f.path().toString());
        } else if (e instanceof TorrentEvent.Finished f) {
            w.name("bytes").value(f.bytesVerified());
        } else if (e instanceof TorrentEvent.TrackerError t) {
            w.name("tracker").value(t.tracker().toString());
            w.name("message").value(t.message());
        } else if (e instanceof TorrentEvent.PeerBanned b) {
            w.name("peer").value(b.peer().toString());
            w.name("reason").value(b.reason());
        } else if (e instanceof TorrentEvent.Failed f) {
            w.name("message").value(f.message());
        }
        return w.endObject().toString();
    }

    /** {@code PieceVerified} as {@code piece_verified}. */
    static String type(TorrentEvent e) {
        String simple = e.getClass().getSimpleName();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    static String state(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
