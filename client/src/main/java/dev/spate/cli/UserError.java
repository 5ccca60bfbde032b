package dev.spate.cli;

/**
 * A failure the user can act on: printed as {@code spate: <message>} on stderr, no stack trace,
 * and the process exits with {@link #exitCode()}.
 */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static UserError usage(String message) {
        return new UserError(ExitCode.USAGE, message);
    }

    static UserError badTorrent(String source, String message) {
        return new UserError(ExitCode.BAD_TORRENT, source + ": " + message);
    }

    int exitCode() {
        return exitCode;
    }
}
