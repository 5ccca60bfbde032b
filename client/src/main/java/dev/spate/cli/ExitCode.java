package dev.spate.cli;

/** The exit codes of {@code spate}, as documented in README.md. */
final class ExitCode {
    static final int OK = 0;
    static final int UNEXPECTED = 1;
    static final int USAGE = 2;
    static final int BAD_TORRENT = 3;
    static final int DISK = 4;
    static final int NO_PROGRESS = 5;
    static final int BAD_PIECES = 6;
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
