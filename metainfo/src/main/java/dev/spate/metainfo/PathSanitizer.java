package dev.spate.metainfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns path components from a torrent into names that are safe to create under the download
 * directory on Linux, macOS and Windows. The rules, applied to each component:
 * <ol>
 *   <li>separators ({@code /} and {@code \}) are removed, as libtorrent does, so
 *       {@code "foo/../bar"} becomes {@code "foo..bar"}: one harmless name;</li>
 *   <li>NUL and other control characters become {@code _};</li>
 *   <li>a component that is then empty or made only of dots and spaces ({@code .}, {@code ..},
 *       and names Windows would strip to nothing) is dropped;</li>
 *   <li>a Windows drive prefix ({@code C:}) loses its colon: {@code C_};</li>
 *   <li>a Windows reserved device name ({@code CON}, {@code nul.txt}, {@code COM1}...) gets an
 *       underscore after its base name: {@code CON_}, {@code nul_.txt};</li>
 *   <li>a component longer than 255 bytes of UTF-8 is shortened, keeping its extension.</li>
 * </ol>
 * A path whose components are all dropped becomes {@code ["_"]}.
 */
final class PathSanitizer {
    static final int MAX_COMPONENT_BYTES = 255;
    /** An extension longer than this is not kept when a name is shortened. */
    private static final int MAX_KEPT_EXTENSION = 32;
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private PathSanitizer() {
    }

    /** The sanitised components of a path; never empty. */
    static List<String> path(List<String> components) {
        List<String> out = new ArrayList<>(components.size());
        for (String c : components) {
            String s = component(c);
            if (s != null) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            out.add("_");
        }
        return out;
    }

    /** One sanitised component, or null if it must be dropped. */
    static String component(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        boolean onlyDotsAndSpaces = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '/' || c == '\\') {
                continue;
            }
            if (c < 0x20 || c == 0x7f) {
                c = '_';
            }
            onlyDotsAndSpaces &= c == '.' || c == ' ';
            sb.append(c);
        }
        if (onlyDotsAndSpaces) {
            return null;
        }
        if (sb.length() >= 2 && sb.charAt(1) == ':' && isAsciiLetter(sb.charAt(0))) {
            sb.setCharAt(1, '_');
        }
        String name = sb.toString();
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        if (RESERVED.contains(base.stripTrailing().toUpperCase(Locale.ROOT))) {
            name = base + "_" + name.substring(base.length());
        }
        name = shorten(name, MAX_COMPONENT_BYTES);
        return name.chars().allMatch(c -> c == '.' || c == ' ') ? "_" : name;
    }

    /**
     * {@code name} cut to at most {@code maxBytes} bytes of UTF-8 at a character boundary,
     * keeping a short extension ({@code .mkv}) so the file still opens with the right program.
     */
    static String shorten(String name, int maxBytes) {
        if (utf8Length(name) <= maxBytes) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && utf8Length(name.substring(dot)) <= MAX_KEPT_EXTENSION ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - ext.length());
        int budget = maxBytes - utf8Length(ext);
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); ) {
            int cp = base.codePointAt(i);
            int n = utf8Length(new String(Character.toChars(cp)));
            if (used + n > budget) {
                break;
            }
            cut.appendCodePoint(cp);
            used += n;
            i += Character.charCount(cp);
        }
        return cut + ext;
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
