package dev.spate.cli;

import dev.spate.client.AddOptions;
import dev.spate.client.SeedLimitAction;
import dev.spate.client.TorrentLimits;
import dev.spate.client.TorrentSource;
import dev.spate.metainfo.Metainfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/**
 * What a {@code download} or {@code seed} command runs: each torrent with its options, the
 * download directory, and when the command is done.
 *
 * @param stopTimeout give up (exit 5) after this long without progress; empty: never
 */
record TransferPlan(List<Item> items, Path dir, Until until, Optional<Duration> stopTimeout, boolean json,
        boolean quiet, boolean verbose) {

    /** When the command ends (besides Ctrl-C and errors). */
    enum Until {
        /** Every torrent is complete. */
        COMPLETE,
        /** Every torrent reached its seed ratio or seed time. */
        SEED_LIMITS,
        /** Only Ctrl-C. */
        INTERRUPTED
    }

    /** One torrent: where it comes from, what the user typed, how it is added. */
    record Item(TorrentSource source, String shown, AddOptions options) {
    }

    static TransferPlan of(CommandLine line, String command, Until until) {
        if (line.getArgList().isEmpty()) {
            throw UserError.usage(command + " needs a torrent file or magnet link. Try 'spate " + command
                    + " --help'.");
        }
        AddOptions base = AddOptions.defaults().withPeers(TransferOptions.peers(line))
                .withTrackers(TransferOptions.trackers(line));
        TorrentLimits limits = seedLimits(line);
        if (limits.hasSeedLimit()) {
            base = base.withLimits(limits);
            if (!line.hasOption("keep-seeding")) {
                until = Until.SEED_LIMITS;
            }
        }
        List<Item> items = new ArrayList<>();
        for (String arg : line.getArgList()) {
            items.add(item(arg, base, line.getOptionValue("select")));
        }
        return new TransferPlan(items, TransferOptions.directory(line), until, stopTimeout(line),
                line.hasOption("json"), line.hasOption("quiet"), line.hasOption("verbose"));
    }

    private static Item item(String arg, AddOptions base, String select) {
        if (Inputs.isMagnet(arg)) {
            if (select != null) {
                throw UserError.usage("--select: the files of a magnet link are not known until its metadata arrives");
            }
            return new Item(new TorrentSource.Magnet(Inputs.magnet(arg)), arg, base);
        }
        Metainfo m = Inputs.torrent(arg);
        AddOptions options = select == null ? base : base.withFilePriorities(FileSelection.priorities(m, select));
        return new Item(TorrentSource.of(m), arg, options);
    }

    private static TorrentLimits seedLimits(CommandLine line) {
        TorrentLimits limits = TorrentLimits.NONE.withSeedLimitAction(SeedLimitAction.STOP);
        String ratio = line.getOptionValue("seed-ratio");
        if (ratio != null) {
            try {
                double r = Double.parseDouble(ratio);
                if (!(r >= 0)) {
                    throw new NumberFormatException();
                }
                limits = limits.withSeedRatio(r);
            } catch (NumberFormatException e) {
                throw UserError.usage("--seed-ratio wants a number of 0 or more, such as 1.5, not '" + ratio + "'");
            }
        }
        String minutes = line.getOptionValue("seed-time");
        if (minutes != null) {
            limits = limits.withSeedTime(Duration.ofSeconds(Math.round(positive("seed-time", minutes) * 60)));
        }
        return limits;
    }

    private static Optional<Duration> stopTimeout(CommandLine line) {
        String seconds = line.getOptionValue("stop-timeout");
        return seconds == null ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.round(positive("stop-timeout", seconds) * 1000)));
    }

    private static double positive(String option, String text) {
        try {
            double v = Double.parseDouble(text);
            if (v >= 0 && v < 1e9) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UserError.usage("--" + option + " wants a number of 0 or more, not '" + text + "'");
    }
}
