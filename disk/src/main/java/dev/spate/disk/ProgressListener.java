package dev.spate.disk;

/** Progress of {@link TorrentDisk#check}: called on disk threads, one call at a time, counts increasing. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (checked, total) -> { };

    /** {@code checked} of {@code total} pieces are done; the last call has {@code checked == total}. */
    void progress(int checked, int total);
}
