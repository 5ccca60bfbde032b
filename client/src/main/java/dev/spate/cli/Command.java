package dev.spate.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand of {@code spate}. Implementations are small and stateless until {@link #run}. */
interface Command {

    /** The word after {@code spate}, e.g. {@code info}. */
    String name();

    /** Argument synopsis after the command name, e.g. {@code <file.torrent|magnet> [options]}. */
    String synopsis();

    /** One line for {@code spate --help}. */
    String summary();

    /** A new set of options on each call (the caller adds --help to it). */
    Options options();

    /**
     * Runs the command and returns its exit code ({@link ExitCode}). Throw {@link UserError} for
     * anything the user can fix; it is printed as one line, without a stack trace.
     */
    int run(CommandLine line, Console console) throws Exception;
}
