package dev.spate.cli;

import dev.spate.client.FilePriority;
import dev.spate.metainfo.FileEntry;
import dev.spate.metainfo.Metainfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code --list} and {@code --select}: the files of a torrent numbered from 1 in torrent order
 * (padding files are not numbered), and a choice of them such as {@code 1,3-5}.
 */
final class FileSelection {
    private FileSelection() {
    }

    /** The torrent's files that are not padding, in order: number n is element n - 1. */
    static List<FileEntry> numbered(Metainfo m) {
        return m.files().stream().filter(f -> !f.padding()).toList();
    }

    /** The listing {@code --list} prints. */
    static String list(Metainfo m) {
        List<FileEntry> files = numbered(m);
        int width = Integer.toString(files.size()).length();
        StringBuilder sb = new StringBuilder(m.name()).append(" (").append(files.size()).append(" files, ")
                .append(Sizes.format(m.totalLength())).append(")\n");
        for (int i = 0; i < files.size(); i++) {
            sb.append(String.format("  %" + width + "d  %10s  %s%n", i + 1, Sizes.format(files.get(i).length()),
                    files.get(i).pathString()));
        }
        return sb.toString();
    }

    /** The numbers a {@code --select} value names, each from 1 to {@code count}. */
    static TreeSet<Integer> parse(String spec, int count) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            int from = number(dash < 0 ? p : p.substring(0, dash), spec);
            int to = dash < 0 ? from : number(p.substring(dash + 1), spec);
            if (from < 1 || to > count || from > to) {
                throw UserError.usage("--select " + spec + ": '" + p + "' is not within 1-" + count
                        + " (see --list)");
            }
            for (int i = from; i <= to; i++) {
                out.add(i);
            }
        }
        if (out.isEmpty()) {
            throw UserError.usage("--select names no file");
        }
        return out;
    }

    /** Priorities by file index: the selected files normal, every other file skipped. */
    static Map<Integer, FilePriority> priorities(Metainfo m, String spec) {
        List<FileEntry> files = numbered(m);
        TreeSet<Integer> chosen = parse(spec, files.size());
        Map<Integer, FilePriority> out = new HashMap<>();
        for (int n = 1; n <= files.size(); n++) {
            out.put(files.get(n - 1).index(), chosen.contains(n) ? FilePriority.NORMAL : FilePriority.SKIP);
        }
        return out;
    }

    private static int number(String text, String spec) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw UserError.usage("--select wants numbers and ranges such as 1,3-5, not '" + spec + "'");
        }
    }
}
