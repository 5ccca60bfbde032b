package dev.spate.bench;

import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import dev.spate.discovery.tracker.server.TrackerStats;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Load test of the embedded tracker's UDP side: how many BEP 15 announces a second it answers on
 * its one event loop thread. Prints figures, asserts nothing.
 *
 * <pre>
 *   UdpTrackerLoad serve [--port P]                          the tracker alone, until killed
 *   UdpTrackerLoad load --port P [--tracker-pid PID] [--seconds 10] [--warmup 3] [--sockets 16] [--window 8]
 *                       [--swarms 1000]
 *   UdpTrackerLoad [load options]                            both in this JVM (a quick look; unpinned)
 * </pre>
 *
 * {@code bench/tracker-load} runs the tracker pinned to one core and the load on the other. Besides
 * announces per second of wall-clock time it reports announces per second of the tracker's own CPU
 * time: on a machine where other work shares the tracker's core, that is what one core delivers.
 */
public final class UdpTrackerLoad {
    private UdpTrackerLoad() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 && !args[0].startsWith("--") ? args[0] : "both";
        Map<String, String> options = options(args, mode.equals("both") ? 0 : 1);
        switch (mode) {
            case "serve" -> serve(Integer.parseInt(options.getOrDefault("port", "0")));
            case "load" -> load(Integer.parseInt(required(options, "port")), options);
            case "both" -> {
                try (EmbeddedTracker tracker = startTracker(0)) {
                    options.putIfAbsent("tracker-pid", "self");
                    load(tracker.port(), options);
                    System.out.println("tracker: " + tracker.stats());
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode + "; serve, load, or options only");
        }
    }

    private static EmbeddedTracker startTracker(int port) throws IOException {
        // A long interval so that no peer expires during the run; the default caps bound memory.
        return EmbeddedTracker.start(TrackerConfig.defaults().withPort(port).withInterval(Duration.ofMinutes(30)));
    }

    private static void serve(int port) throws Exception {
        EmbeddedTracker tracker = startTracker(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            TrackerStats stats = tracker.stats();
            tracker.close();
            System.out.println("tracker: " + stats);
        }));
        System.out.println("ready " + tracker.port());
        System.out.flush();
        Thread.currentThread().join(); // until killed; the shutdown hook reports
    }

    private static void load(int port, Map<String, String> o) throws IOException {
        InetSocketAddress tracker = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        int sockets = Integer.parseInt(o.getOrDefault("sockets", "16"));
        int window = Integer.parseInt(o.getOrDefault("window", "8"));
        int swarms = Integer.parseInt(o.getOrDefault("swarms", "1000"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup", "3")));
        Duration measure = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "10")));
        String pid = o.get("tracker-pid");
        ProcessCpu cpu = pid == null ? ProcessCpu.unknown() : pid.equals("self") ? ProcessCpu.self()
                : ProcessCpu.of(Long.parseLong(pid), Long.parseLong(o.getOrDefault("clock-ticks", "100")));
        UdpLoadGenerator.Result r = new UdpLoadGenerator(tracker, cpu, sockets, window, swarms, 1).run(warmup, measure);
        System.out.printf("UDP announces answered: %,.0f/s (%,d in %d s after %d s of warm-up; %d sockets x %d in "
                        + "flight; %d swarms; %,d presumed lost, %,d error replies)%n",
                r.answered() / (double) measure.toSeconds(), r.answered(), measure.toSeconds(), warmup.toSeconds(),
                sockets, window, swarms, r.lost(), r.errors());
        if (r.trackerCpuNanos() > 0) {
            double cpuSeconds = r.trackerCpuNanos() / 1e9;
            System.out.printf("tracker CPU: %.2f s in %d s (%.0f%% of a core); %,.0f announces per CPU-second%n",
                    cpuSeconds, measure.toSeconds(), 100 * cpuSeconds / measure.toSeconds(),
                    r.answered() / cpuSeconds);
        }
    }

    private static Map<String, String> options(String[] args, int from) {
        Map<String, String> out = new HashMap<>();
        for (int i = from; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
