package dev.spate.cli;

import dev.spate.client.ClientConfig;
import dev.spate.client.QueueConfig;
import dev.spate.handshake.EncryptionPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/** The options {@code download} and {@code seed} share, and what they turn into. */
final class TransferOptions {
    private TransferOptions() {
    }

    static Options add(Options options) {
        OptionGroup loudness = new OptionGroup()
                .addOption(Option.builder("q").longOpt("quiet").desc("print only errors").build())
                .addOption(Option.builder("v").longOpt("verbose")
                        .desc("also print tracker errors, banned peers, finished files and log messages").build());
        return options
                .addOption(Option.builder("d").longOpt("dir").hasArg().argName("DIR")
                        .desc("download directory (default: the current directory)").build())
                .addOption(Option.builder().longOpt("port").hasArg().argName("N")
                        .desc("TCP port for peers (default " + ClientConfig.DEFAULT_PORT + "; 0 picks a free one)")
                        .build())
                .addOption(Option.builder().longOpt("bind").hasArg().argName("ADDRESS")
                        .desc("address to listen on (default: all)").build())
                .addOption(Option.builder().longOpt("peer").hasArg().argName("HOST:PORT")
                        .desc("connect to this peer too (repeatable)").build())
                .addOption(Option.builder().longOpt("tracker").hasArg().argName("URL")
                        .desc("announce to this tracker too (repeatable)").build())
                .addOption(Option.builder().longOpt("select").hasArg().argName("1,3-5")
                        .desc("only these files, numbered as --list shows them; the others are skipped and never"
                                + " created").build())
                .addOption(Option.builder().longOpt("max-download-limit").hasArg().argName("RATE")
                        .desc("download at most this many bytes per second in all, e.g. 1M or 500K").build())
                .addOption(Option.builder().longOpt("max-upload-limit").hasArg().argName("RATE")
                        .desc("upload at most this many bytes per second in all").build())
                .addOption(Option.builder().longOpt("state-dir").hasArg().argName("DIR")
                        .desc("where the session (resume data) is kept (default: "
                                + ClientConfig.userDataDir() + ")").build())
                .addOption(Option.builder().longOpt("json")
                        .desc("print every event as a line of JSON on stdout").build())
                .addOption(Option.builder().longOpt("encryption").hasArg().argName("prefer|require|disable")
                        .desc("protocol encryption (MSE): prefer (default) tries it and falls back to plain;"
                                + " require talks only to peers that encrypt; disable never starts it").build())
                
                .addOptionGroup(loudness);
    }

    static Path directory(CommandLine line) {
        return Path.of(line.getOptionValue("dir", ".")).toAbsolutePath().normalize();
    }

    /** The client: the port, the global rates, the session in the state directory (only the named torrents run). */
    static ClientConfig config(CommandLine line) {
        int port = port(line.getOptionValue("port"), ClientConfig.DEFAULT_PORT);
        String bind = line.getOptionValue("bind");
        InetSocketAddress listen = bind == null ? new InetSocketAddress(port) : new InetSocketAddress(bind, port);
        if (listen.isUnresolved()) {
            throw UserError.usage("--bind: no such address: " + bind);
        }
        Path state = line.hasOption("state-dir") ? Path.of(line.getOptionValue("state-dir")).toAbsolutePath()
                : ClientConfig.userDataDir();
        return ClientConfig.defaults().toBuilder().listenAddress(listen).sessionDir(state).restoreSession(false)
                .queue(QueueConfig.unlimited()).downloadRateLimit(rate(line, "max-download-limit"))
                .uploadRateLimit(rate(line, "max-upload-limit")).shutdownTimeout(Duration.ofSeconds(3))
                .encryption(encryption(line)).build();
    }

    private static EncryptionPolicy encryption(CommandLine line) {
        String text = line.getOptionValue("encryption");
        if (text == null) {
            return EncryptionPolicy.PREFER;
        }
        try {
            return EncryptionPolicy.parse(text);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--encryption: " + e.getMessage());
        }
    }

    static List<InetSocketAddress> peers(CommandLine line) {
        List<InetSocketAddress> peers = new ArrayList<>();
        String[] values = line.getOptionValues("peer");
        for (String text : values == null ? new String[0] : values) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0) {
                throw UserError.usage("--peer wants HOST:PORT, not '" + text + "'");
            }
            String host = text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            InetSocketAddress address = new InetSocketAddress(host, port(text.substring(colon + 1), -1));
            if (address.isUnresolved()) {
                throw UserError.usage("--peer: cannot resolve host '" + host + "'");
            }
            peers.add(address);
        }
        return peers;
    }

    static List<String> trackers(CommandLine line) {
        String[] values = line.getOptionValues("tracker");
        List<String> out = new ArrayList<>();
        for (String url : values == null ? new String[0] : values) {
            if (!url.matches("(?i)(https?|udp)://.+")) {
                throw UserError.usage("--tracker wants an http, https or udp URL, not '" + url + "'");
            }
            out.add(url);
        }
        return out;
    }

    private static long rate(CommandLine line, String option) {
        String text = line.getOptionValue(option);
        if (text == null) {
            return 0;
        }
        try {
            return Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--" + option + ": " + e.getMessage());
        }
    }

    private static int port(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 0xffff) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UserError.usage("not a port number: '" + text + "'");
    }
}
