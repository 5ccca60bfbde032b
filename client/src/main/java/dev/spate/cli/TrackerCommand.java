package dev.spate.cli;

import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import dev.spate.discovery.tracker.server.TrackerStats;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code spate tracker}: runs spate's tracker, HTTP and UDP on one port, until interrupted. The
 * announce URLs go to stdout (one a line, for scripts); the rest to stderr.
 */
final class TrackerCommand implements Command {

    @Override
    public String name() {
        return "tracker";
    }

    @Override
    public String synopsis() {
        return "[--port 6969] [--bind 127.0.0.1] [--interval SECONDS]";
    }

    @Override
    public String summary() {
        return "runs a tracker (HTTP and UDP on one port) until interrupted";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("port").hasArg().argName("PORT")
                        .desc("port for both HTTP and UDP (default 6969; 0 picks a free one)").build())
                .addOption(Option.builder().longOpt("bind").hasArg().argName("ADDRESS")
                        .desc("address to listen on (default 127.0.0.1)").build())
                .addOption(Option.builder().longOpt("interval").hasArg().argName("SECONDS")
                        .desc("announce interval told to clients (default 120); silent peers go after two")
                        .build());
    }

    @Override
    public int run(CommandLine line, Console console) throws InterruptedException {
        TrackerConfig defaults = TrackerConfig.defaults();
        int port = (int) number(line, "port", defaults.port(), 0, 0xffff);
        long interval = number(line, "interval", defaults.interval().toSeconds(), 1, Integer.MAX_VALUE);
        TrackerConfig config = defaults.withBindAddress(address(line.getOptionValue("bind", "127.0.0.1")))
                .withPort(port).withInterval(Duration.ofSeconds(interval));
        EmbeddedTracker tracker;
        try {
            tracker = EmbeddedTracker.start(config);
        } catch (IOException e) {
            throw new UserError(ExitCode.UNEXPECTED, "cannot listen on " + config.bindAddress().getHostAddress()
                    + ":" + port + ": " + e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C runs the shutdown hooks: this one wakes the command, which closes the tracker.
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(closed);
        }, "spate-tracker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            console.out().println(tracker.httpAnnounceUri());
            console.out().println(tracker.udpAnnounceUri());
            console.out().flush();
            console.err().println("spate tracker: listening on " + config.bindAddress().getHostAddress() + ":"
                    + tracker.port() + " (HTTP and UDP), interval " + interval + " s; Ctrl-C stops it");
            stop.await();
            return ExitCode.INTERRUPTED;
        } finally {
            TrackerStats stats = tracker.stats();
            tracker.close();
            console.err().println("spate tracker: stopped after " + stats.announces() + " announces and "
                    + stats.scrapes() + " scrapes");
            closed.countDown();
            removeHook(hook);
        }
    }

    private static long number(CommandLine line, String option, long fallback, long min, long max) {
        String text = line.getOptionValue(option);
        if (text == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UserError.usage("--" + option + " must be a number from " + min + " to " + max + ", not '" + text + "'");
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw UserError.usage("--bind: no such address: " + text);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down (Ctrl-C): the hook is running, nothing to remove.
        }
    }
}
