package dev.spate.cli;

import dev.spate.metainfo.MetainfoException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** The {@code spate} command line: dispatches to one {@link Command} and maps failures to exit codes. */
public final class Main {
    static final String VERSION = dev.spate.client.Version.VERSION;

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "spate-cli-log4j2.xml");
        }
        System.exit(run(args, Console.system()));
    }

    /** Runs one command line and returns the exit code; never calls System.exit (tests call this). */
    static int run(String[] args, Console console) {
        List<Command> commands = Commands.all();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printGlobalHelp(commands, console);
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        if (args[0].equals("--version") || args[0].equals("-V")) {
            console.out().println("spate " + VERSION);
            return ExitCode.OK;
        }
        Command command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            console.err().println("spate: unknown command '" + args[0] + "'. Try 'spate --help'.");
            return ExitCode.USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Options options = withHelp(command.options());
        // Before parsing: a command with a required option still shows its help.
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            printCommandHelp(command, options, console);
            return ExitCode.OK;
        }
        try {
            CommandLine line = new DefaultParser().parse(options, rest);
            return command.run(line, console);
        } catch (ParseException e) {
            console.err().println("spate " + command.name() + ": " + e.getMessage()
                    + ". Try 'spate " + command.name() + " --help'.");
            return ExitCode.USAGE;
        } catch (UserError e) {
            console.err().println("spate: " + e.getMessage());
            return e.exitCode();
        } catch (MetainfoException e) {
            console.err().println("spate: " + e.getMessage());
            return ExitCode.BAD_TORRENT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        } catch (Exception | Error e) {
            console.err().println("spate: unexpected error: " + e);
            if (System.getenv("SPATE_DEBUG") != null) {
                e.printStackTrace(console.err());
            } else {
                console.err().println("(set SPATE_DEBUG=1 for the stack trace)");
            }
            return ExitCode.UNEXPECTED;
        }
    }

    /** The command's options (a fresh set from {@link Command#options()}, groups intact) plus --help. */
    private static Options withHelp(Options options) {
        return options.addOption(Option.builder("h").longOpt("help").desc("show this help and exit").build());
    }

    private static void printGlobalHelp(List<Command> commands, Console console) {
        PrintWriter w = new PrintWriter(console.out(), true);
        w.println("usage: spate <command> [options]");
        w.println();
        w.println("A BitTorrent client for the JVM.");
        w.println();
        w.println("Commands:");
        for (Command c : commands) {
            w.printf("  %-10s %s%n", c.name(), c.summary());
        }
        w.println();
        w.println("Global options:");
        w.println("  -h, --help      show this help (or 'spate <command> --help' for a command)");
        w.println("  -V, --version   print the version and exit");
        w.flush();
    }

    private static void printCommandHelp(Command command, Options options, Console console) {
        PrintWriter w = new PrintWriter(console.out(), true);
        HelpFormatter help = new HelpFormatter();
        help.setWidth(100);
        help.printHelp(w, 100, "spate " + command.name() + " " + command.synopsis(),
                command.summary(), options, 2, 2, null, false);
        w.flush();
    }
}
