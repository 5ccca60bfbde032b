package dev.spate.cli;

import dev.spate.metainfo.Metainfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code spate download <file.torrent>... -d DIR}: fetches and verifies every piece, then exits 0. */
final class DownloadCommand implements Command {

    @Override
    public String name() {
        return "download";
    }

    @Override
    public String synopsis() {
        return "<file.torrent>... [-d DIR] [--peer HOST:PORT]... [--port N] [--encryption prefer|require|disable]";
    }

    @Override
    public String summary() {
        return "download torrents, verify every piece, exit when done (rerun to resume)";
    }

    @Override
    public Options options() {
        return TransferOptions.add(new Options());
    }

    @Override
    public int run(CommandLine line, Console console) throws InterruptedException {
        List<Metainfo> torrents = torrents(line, "download");
        return TransferSession.run(console, Interrupts.install(), TransferOptions.config(line), torrents,
                TransferOptions.directory(line), TransferOptions.peers(line), false, line.hasOption("quiet"));
    }

    static List<Metainfo> torrents(CommandLine line, String command) {
        if (line.getArgList().isEmpty()) {
            throw UserError.usage(command + " needs a torrent file. Try 'spate " + command + " --help'.");
        }
        List<Metainfo> torrents = new ArrayList<>();
        for (String source : line.getArgList()) {
            if (Inputs.isMagnet(source)) {
                throw UserError.badTorrent(source, "magnet links need the metadata exchange, not built yet");
            }
            torrents.add(Inputs.torrent(source));
        }
        return torrents;
    }
}
