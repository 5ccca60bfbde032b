package dev.spate.client;

import dev.spate.discovery.tracker.TrackerStatus;
import dev.spate.metainfo.FileEntry;
import dev.spate.selection.SwarmStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds a {@link TorrentStatus} from what a torrent publishes for any thread to read. */
final class StatusSnapshot {
    private StatusSnapshot() {
    }

    static TorrentStatus of(Torrent t, TorrentData data, SwarmSession session, TorrentState state, double checked,
            String error) {
        SwarmStatus st = session == null ? SwarmStatus.EMPTY : session.status();
        List<TrackerStatus> trackers = session == null ? List.of() : session.trackers();
        long now = t.engine.selection().now();
        if (data == null) {
            return new TorrentStatus(state, t.queuePosition(), 0, 0, 0, 0, 0, 0, t.run.downloadedNow(),
                    t.run.uploadedNow(), t.run.downloaded(), t.run.uploaded(), st.downloadRate(), st.uploadRate(),
                    st.peers(), st.seeds(), checked, t.run.stalled(), t.run.seedingTime(now), List.of(), trackers,
                    Optional.ofNullable(error));
        }
        FilePriority[] priorities = t.filePriorities();
        List<FileStatus> files = new ArrayList<>(priorities.length);
        long wanted = 0;
        long wantedVerified = 0;
        for (FileEntry f : data.metainfo.files()) {
            int i = f.index();
            long verified = Math.min(f.length(), data.progress.verified(i));
            files.add(new FileStatus(i, data.files.path(i) != null ? data.files.path(i) : data.files.downloadDir(),
                    f.length(), verified, priorities[i], f.padding()));
            if (!f.padding() && priorities[i] != FilePriority.SKIP) {
                wanted += f.length();
                wantedVerified += verified;
            }
        }
        return new TorrentStatus(state, t.queuePosition(), data.have.cardinality(), data.have.pieceCount(),
                data.bytesVerified(), data.layout.totalLength(), wanted, wantedVerified, t.run.downloadedNow(),
                t.run.uploadedNow(), t.run.downloaded(), t.run.uploaded(), st.downloadRate(), st.uploadRate(),
                st.peers(), st.seeds(), checked, t.run.stalled(), t.run.seedingTime(now), files, trackers,
                Optional.ofNullable(error));
    }
}
