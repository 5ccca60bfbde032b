package dev.spate.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code spate seed <file.torrent>... -d DIR}: checks the data and uploads it until interrupted. */
final class SeedCommand implements Command {

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public String synopsis() {
        return "<file.torrent>... [-d DIR] [--port N] [--peer HOST:PORT]... [--max-upload-limit RATE]"
                + " [--seed-ratio R] [--seed-time MIN] [--state-dir DIR] [--json] [-q|-v] [--encryption prefer|require|disable]";
    }

    @Override
    public String summary() {
        return "check the data of torrents and upload it until interrupted";
    }

    @Override
    public Options options() {
        return TransferOptions.add(new Options())
                .addOption(Option.builder().longOpt("seed-ratio").hasArg().argName("R")
                        .desc("stop and exit once uploaded / size reaches R").build())
                .addOption(Option.builder().longOpt("seed-time").hasArg().argName("MIN")
                        .desc("stop and exit after seeding MIN minutes").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws InterruptedException {
        TransferPlan plan = TransferPlan.of(line, "seed", TransferPlan.Until.INTERRUPTED);
        return TransferSession.run(console, Interrupts.install(), TransferOptions.config(line), plan);
    }
}
