package dev.spate.cli;

import dev.spate.metainfo.FileEntry;
import dev.spate.metainfo.InfoHash;
import dev.spate.metainfo.InfoHashes;
import dev.spate.metainfo.MagnetUri;
import dev.spate.metainfo.Metainfo;
import java.io.PrintStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code spate info <file.torrent|magnet> [--json]}: what a torrent or magnet link holds. */
final class InfoCommand implements Command {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String synopsis() {
        return "<file.torrent|magnet> [--json]";
    }

    @Override
    public String summary() {
        return "print what a torrent file or magnet link holds";
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("json")
                .desc("print one JSON object (info_hash_v1, info_hash_v2, name, piece_length, num_pieces, "
                        + "total_length, num_files, files, trackers, web_seeds, private, magnet)").build());
    }

    @Override
    public int run(CommandLine line, Console console) {
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw UserError.usage("info takes one torrent file or magnet link" + (args.isEmpty() ? "" : ", not " + args.size())
                    + ". Try 'spate info --help'.");
        }
        String source = args.get(0);
        boolean json = line.hasOption("json");
        PrintStream out = console.out();
        if (Inputs.isMagnet(source)) {
            MagnetUri magnet = Inputs.magnet(source);
            out.print(json ? TorrentJson.of(magnet) : human(magnet));
        } else {
            Metainfo m = Inputs.torrent(source);
            out.print(json ? TorrentJson.of(m) : human(m));
        }
        out.flush();
        return ExitCode.OK;
    }

    static String human(Metainfo m) {
        StringBuilder sb = new StringBuilder();
        field(sb, "name", m.name());
        hashes(sb, m.infoHashes());
        field(sb, "piece length", Sizes.format(m.pieceLength()));
        field(sb, "pieces", Integer.toString(m.pieceCount()));
        field(sb, "total size", Sizes.format(m.totalLength()) + (m.totalLength() >= 1024 ? " (" + m.totalLength() + " bytes)" : ""));
        field(sb, "private", m.isPrivate() ? "yes" : "no");
        m.comment().ifPresent(c -> field(sb, "comment", c));
        m.createdBy().ifPresent(c -> field(sb, "created by", c));
        m.creationDate().ifPresent(d -> field(sb, "created", d.toString()));
        List<FileEntry> files = m.files().stream().filter(f -> !f.padding()).toList();
        int padding = m.files().size() - files.size();
        sb.append("files: ").append(files.size()).append(padding > 0 ? " (and " + padding + " padding files)" : "").append('\n');
        int width = Integer.toString(m.files().size() - 1).length();
        for (FileEntry f : files) {
            sb.append(String.format("  %" + width + "d  %s  %s%s%n", f.index(), f.pathString(), Sizes.format(f.length()),
                    f.symlinkTarget().map(t -> "  -> " + String.join("/", t)).orElse("")));
        }
        trackers(sb, m.trackerTiers());
        list(sb, "web seeds", m.webSeeds());
        for (String w : m.warnings()) {
            sb.append("warning: ").append(w).append('\n');
        }
        field(sb, "magnet", m.toMagnet().toString());
        return sb.toString();
    }

    static String human(MagnetUri m) {
        StringBuilder sb = new StringBuilder();
        field(sb, "name", m.displayName().orElse("(not in the link)"));
        hashes(sb, m.infoHashes());
        m.exactLength().ifPresent(n -> field(sb, "total size", Sizes.format(n)));
        sb.append("(piece length, pieces, files and the private flag come with the metadata from peers)\n");
        trackers(sb, m.trackerTiers());
        list(sb, "web seeds", m.webSeeds());
        list(sb, "peers", m.peers().stream().map(Object::toString).toList());
        if (!m.selectOnly().isEmpty()) {
            field(sb, "select only", String.join(",", m.selectOnly().stream().map(Object::toString).toList()));
        }
        field(sb, "magnet", m.toString());
        return sb.toString();
    }

    private static void hashes(StringBuilder sb, InfoHashes h) {
        field(sb, "info hash v1", hex(h.v1()));
        field(sb, "info hash v2", hex(h.v2()));
    }

    private static String hex(InfoHash h) {
        return h == null ? "-" : h.toHex();
    }

    private static void trackers(StringBuilder sb, List<List<String>> tiers) {
        sb.append("trackers:").append(tiers.isEmpty() ? " none" : "").append('\n');
        for (int i = 0; i < tiers.size(); i++) {
            sb.append("  tier ").append(i + 1).append(": ").append(String.join(" ", tiers.get(i))).append('\n');
        }
    }

    private static void list(StringBuilder sb, String name, List<String> items) {
        sb.append(name).append(':').append(items.isEmpty() ? " none" : "").append('\n');
        items.forEach(i -> sb.append("  ").append(i).append('\n'));
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(String.format("%-14s%s%n", name + ":", value));
    }
}
