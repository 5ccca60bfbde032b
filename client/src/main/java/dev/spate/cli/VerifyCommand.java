package dev.spate.cli;

import dev.spate.client.Verification;
import dev.spate.metainfo.Metainfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code spate verify <torrent> -d DIR}: hashes the data; exit 0 if every piece is good, else 6, listing the files. */
final class VerifyCommand implements Command {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String synopsis() {
        return "<file.torrent> [-d DIR] [--json]";
    }

    @Override
    public String summary() {
        return "check downloaded data against the torrent; exit 6 and list the files with bad pieces";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("d").longOpt("dir").hasArg().argName("DIR")
                        .desc("where the files are (default: the current directory)").build())
                .addOption(Option.builder().longOpt("json").desc("print one JSON object: pieces, bad_pieces, files"
                        + " (path, bad_pieces, missing), errors").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws InterruptedException {
        if (line.getArgList().size() != 1) {
            throw UserError.usage("verify takes one torrent file. Try 'spate verify --help'.");
        }
        String source = line.getArgList().get(0);
        if (Inputs.isMagnet(source)) {
            throw UserError.badTorrent(source, "verify needs the torrent file: a magnet link has no piece hashes");
        }
        Metainfo m = Inputs.torrent(source);
        Path dir = TransferOptions.directory(line);
        if (!Files.isDirectory(dir)) {
            throw new UserError(ExitCode.DISK, dir + ": no such directory");
        }
        Verification.Report report;
        try {
            report = Verification.run(m, dir, (done, total) -> { });
        } catch (IOException e) {
            throw new UserError(ExitCode.DISK, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw UserError.badTorrent(source, e.getMessage());
        }
        PrintStream out = console.out();
        out.print(line.hasOption("json") ? json(report) : human(m, report));
        out.flush();
        return report.ok() ? ExitCode.OK : ExitCode.BAD_PIECES;
    }

    private static String human(Metainfo m, Verification.Report r) {
        if (r.ok()) {
            return m.name() + ": all " + r.pieceCount() + " pieces are good\n";
        }
        StringBuilder sb = new StringBuilder(m.name()).append(": ").append(r.badPieces()).append(" of ")
                .append(r.pieceCount()).append(" pieces are bad; they touch these files:\n");
        for (Verification.BadFile f : r.files()) {
            sb.append("  ").append(f.path()).append(": ").append(f.badPieces()).append(f.badPieces() == 1
                    ? " bad piece" : " bad pieces").append(f.missing() ? " (missing or short)" : "").append('\n');
        }
        r.errors().forEach(e -> sb.append("  error: ").append(e).append('\n'));
        return sb.toString();
    }

    private static String json(Verification.Report r) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("pieces").value(r.pieceCount());
        w.name("bad_pieces").value(r.badPieces());
        w.name("files").beginArray();
        for (Verification.BadFile f : r.files()) {
            w.beginObject().name("path").value(f.path().toString()).name("bad_pieces").value(f.badPieces())
                    .name("missing").value(f.missing()).endObject();
        }
        w.endArray().name("errors").beginArray();
        r.errors().forEach(w::value);
        return w.endArray().endObject().toString();
    }
}
