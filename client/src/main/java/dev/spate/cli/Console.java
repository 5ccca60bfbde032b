package dev.spate.cli;

import java.io.PrintStream;

/**
 * Where a command writes: results on {@code out}, progress and errors on {@code err}.
 * {@code interactive} says whether stderr is a terminal, so that progress may be redrawn in place.
 */
record Console(PrintStream out, PrintStream err, boolean interactive) {

    static Console system() {
        // System.console() is non-null only when both stdin and stdout are terminals; TERM and
        // the absence of redirection of stderr are the best a JVM can tell about stderr.
        boolean tty = System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM"));
        return new Console(System.out, System.err, tty);
    }
}
