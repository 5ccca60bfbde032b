package dev.spate.interop;

/** What a real client does with a torrent. */
public enum Role {
    /** Has every piece on disk, checks it and uploads. */
    SEEDER,
    /** Starts with nothing (or part) and downloads until complete. */
    LEECHER;

    /** "seeder" or "leecher", for names and messages. */
    public String word() {
        return this == SEEDER ? "seeder" : "leecher";
    }
}
