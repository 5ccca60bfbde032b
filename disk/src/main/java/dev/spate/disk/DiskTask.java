package dev.spate.disk;

/** Work for a disk thread other than a block write (those are the {@link WriteToken}s themselves). */
interface DiskTask {

    void run(DiskThread thread);

    /** The disk manager has stopped: answer without doing the work (on the caller's thread). */
    void reject();
}
