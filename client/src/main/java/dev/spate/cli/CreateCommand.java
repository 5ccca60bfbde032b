package dev.spate.cli;

import dev.spate.metainfo.Metainfo;
import dev.spate.metainfo.TorrentBuilder;
import dev.spate.metainfo.TorrentVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/** {@code spate create <path> -o <out.torrent> [options]}: a torrent from a file or a directory. */
final class CreateCommand implements Command {

    @Override
    public String name() {
        return "create";
    }

    @Override
    public String synopsis() {
        return "<file|directory> -o <out.torrent> [options]";
    }

    @Override
    public String summary() {
        return "make a torrent from a file or a directory";
    }

    @Override
    public Options options() {
        OptionGroup version = new OptionGroup()
                .addOption(Option.builder().longOpt("v1").desc("a v1 (BEP 3) torrent; the default").build())
                .addOption(Option.builder().longOpt("v2").desc("a v2-only (BEP 52) torrent").build())
                .addOption(Option.builder().longOpt("hybrid").desc("a torrent with both v1 and v2 hashes").build());
        return new Options()
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("out.torrent").required()
                        .desc("where to write the torrent").build())
                .addOption(Option.builder("t").longOpt("tracker").hasArg().argName("URL")
                        .desc("a tracker; repeat for more tiers, separate URLs of one tier with commas").build())
                .addOption(Option.builder().longOpt("piece-size").hasArg().argName("SIZE")
                        .desc("piece length, a power of two of at least 16K (e.g. 256K, 4M); automatic by default").build())
                .addOption(Option.builder().longOpt("private").desc("peers only from the trackers (BEP 27)").build())
                .addOption(Option.builder().longOpt("comment").hasArg().argName("TEXT").desc("a comment").build())
                .addOption(Option.builder().longOpt("web-seed").hasArg().argName("URL")
                        .desc("an HTTP source of the files (BEP 19); may be repeated").build())
                .addOption(Option.builder().longOpt("no-date").desc("leave out the creation date (reproducible output)").build())
                .addOptionGroup(version);
    }

    @Override
    public int run(CommandLine line, Console console) throws IOException, InterruptedException {
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw UserError.usage("create takes one file or directory" + (args.isEmpty() ? "" : ", not " + args.size())
                    + ". Try 'spate create --help'.");
        }
        Path source = Path.of(args.get(0));
        Path output = Path.of(line.getOptionValue("output"));
        if (!Files.exists(source)) {
            throw UserError.usage(source + ": no such file or directory");
        }
        TorrentBuilder builder = TorrentBuilder.of(source)
                .version(line.hasOption("v2") ? TorrentVersion.V2 : line.hasOption("hybrid") ? TorrentVersion.HYBRID : TorrentVersion.V1)
                .privateTorrent(line.hasOption("private"))
                .comment(line.getOptionValue("comment"))
                .createdBy("spate " + Main.VERSION);
        if (line.hasOption("piece-size")) {
            builder.pieceLength(pieceSize(line.getOptionValue("piece-size")));
        }
        for (String tier : values(line, "tracker")) {
            builder.trackerTier(Arrays.stream(tier.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        values(line, "web-seed").forEach(builder::webSeed);
        if (line.hasOption("no-date")) {
            builder.creationDate(null);
        }
        if (console.interactive()) {
            builder.progress(new ProgressLine(console.err()));
        }
        Metainfo m;
        try {
            m = builder.build();
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new UserError(ExitCode.DISK, e.getFile() + ": " + (e instanceof NoSuchFileException ? "no such file" : "permission denied"));
        } catch (IOException e) {
            throw new UserError(ExitCode.DISK, source + ": " + e.getMessage());
        }
        write(m, output);
        PrintStream out = console.out();
        out.println("created " + output + ": " + m.name() + ", " + m.files().stream().filter(f -> !f.padding()).count()
                + " files, " + Sizes.format(m.totalLength()) + " in " + m.pieceCount() + " pieces of " + Sizes.format(m.pieceLength()));
        if (m.infoHashes().v1() != null) {
            out.println("info hash v1: " + m.infoHashes().v1());
        }
        if (m.infoHashes().v2() != null) {
            out.println("info hash v2: " + m.infoHashes().v2());
        }
        out.println("magnet:       " + m.toMagnet());
        out.flush();
        return ExitCode.OK;
    }

    private static List<String> values(CommandLine line, String option) {
        String[] v = line.getOptionValues(option);
        return v == null ? List.of() : List.of(v);
    }

    private static int pieceSize(String text) {
        long n;
        try {
            n = Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--piece-size: " + e.getMessage());
        }
        if (Long.bitCount(n) != 1 || n < 16 * 1024 || n > Metainfo.MAX_PIECE_LENGTH) {
            throw UserError.usage("--piece-size: " + text + " is not a power of two from 16K to 512M");
        }
        return (int) n;
    }

    /** Writes beside the target and renames, so a failed run never leaves half a torrent. */
    private static void write(Metainfo m, Path output) {
        Path dir = output.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, ".spate-", ".torrent.part");
            try {
                Files.write(tmp, m.toTorrentBytes());
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserError(ExitCode.DISK, output + ": cannot write it: " + e.getMessage());
        }
    }

    /** Hashing progress redrawn in place on a terminal: {@code hashing  42% 1.2 GiB of 2.9 GiB}. */
    private static final class ProgressLine implements TorrentBuilder.Progress {
        private final PrintStream err;
        private int shown = -1;

        ProgressLine(PrintStream err) {
            this.err = err;
        }

        @Override
        public void hashed(long done, long total) {
            int percent = total == 0 ? 100 : (int) (done * 100 / total);
            if (percent != shown) {
                shown = percent;
                err.print("\rhashing " + String.format("%3d%%", percent) + " " + Sizes.format(done) + " of " + Sizes.format(total) + "   ");
                if (done >= total) {
                    err.println();
                }
                err.flush();
            }
        }
    }
}
