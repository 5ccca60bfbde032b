package dev.spate.cli;

import dev.spate.metainfo.Metainfo;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code spate download <torrent|magnet>... -d DIR}: fetches and verifies every piece, then exits 0. */
final class DownloadCommand implements Command {

    @Override
    public String name() {
        return "download";
    }

    @Override
    public String synopsis() {
        return "<file.torrent|magnet>... [-d DIR] [--select 1,3-5] [--list] [--seed-ratio R] [--seed-time MIN]"
                + " [--keep-seeding] [--max-download-limit RATE] [--max-upload-limit RATE] [--port N]"
                + " [--peer HOST:PORT]... [--tracker URL]... [--state-dir DIR] [--json] [-q|-v] [--stop-timeout SEC]"
                + " [--encryption prefer|require|disable]";
    }

    @Override
    public String summary() {
        return "download torrents, verify every piece, exit when done (rerun to resume)";
    }

    @Override
    public Options options() {
        return TransferOptions.add(new Options())
                .addOption(Option.builder().longOpt("list").desc("list each torrent's files, numbered for --select,"
                        + " and exit").build())
                .addOption(Option.builder().longOpt("seed-ratio").hasArg().argName("R")
                        .desc("when done, seed until uploaded / size reaches R, then exit").build())
                .addOption(Option.builder().longOpt("seed-time").hasArg().argName("MIN")
                        .desc("when done, seed for MIN minutes, then exit").build())
                .addOption(Option.builder().longOpt("keep-seeding").desc("when done, seed until interrupted").build())
                .addOption(Option.builder().longOpt("stop-timeout").hasArg().argName("SEC")
                        .desc("give up (exit 5) after SEC seconds without progress").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws InterruptedException {
        if (line.hasOption("list")) {
            return list(line, console);
        }
        TransferPlan.Until until = line.hasOption("keep-seeding") ? TransferPlan.Until.INTERRUPTED
                : TransferPlan.Until.COMPLETE;
        TransferPlan plan = TransferPlan.of(line, "download", until);
        return TransferSession.run(console, Interrupts.install(), TransferOptions.config(line), plan);
    }

    private static int list(CommandLine line, Console console) {
        if (line.getArgList().isEmpty()) {
            throw UserError.usage("--list needs a torrent file. Try 'spate download --help'.");
        }
        for (String source : line.getArgList()) {
            if (Inputs.isMagnet(source)) {
                throw UserError.badTorrent(source, "the files of a magnet link are not known until its metadata"
                        + " arrives");
            }
            Metainfo m = Inputs.torrent(source);
            console.out().print(FileSelection.list(m));
        }
        console.out().flush();
        return ExitCode.OK;
    }
}
