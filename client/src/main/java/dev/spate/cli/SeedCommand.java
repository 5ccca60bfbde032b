package dev.spate.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code spate seed <file.torrent> -d DIR}: checks the data and uploads it until interrupted. */
final class SeedCommand implements Command {

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public String synopsis() {
        return "<file.torrent>... [-d DIR] [--port N] [--peer HOST:PORT]... [--encryption prefer|require|disable]";
    }

    @Override
    public String summary() {
        return "check the data of torrents and upload it until interrupted";
    }

    @Override
    public Options options() {
        return TransferOptions.add(new Options());
    }

    @Override
    public int run(CommandLine line, Console console) throws InterruptedException {
        return TransferSession.run(console, Interrupts.install(), TransferOptions.config(line),
                DownloadCommand.torrents(line, "seed"), TransferOptions.directory(line), TransferOptions.peers(line),
                true, line.hasOption("quiet"));
    }
}
