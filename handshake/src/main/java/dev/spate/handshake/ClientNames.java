package dev.spate.handshake;

import java.util.Map;

/**
 * Names the client behind a peer id from the conventions of BEP 20: Azureus style
 * ({@code -AZ2060-}), Shad0w style ({@code T03I--...}) and Mainline style ({@code M4-3-6--}).
 * For display only; anything else is shown as "unknown" with the id's printable start.
 */
final class ClientNames {
    private static final Map<String, String> AZUREUS = Map.ofEntries(
            Map.entry("SP", "spate"),
            Map.entry("AZ", "Azureus"),
            Map.entry("BC", "BitComet"),
            Map.entry("BT", "BitTorrent"),
            Map.entry("DE", "Deluge"),
            Map.entry("FW", "FrostWire"),
            Map.entry("KT", "KTorrent"),
            Map.entry("LT", "libtorrent"),
            Map.entry("lt", "libTorrent (rakshasa)"),
            Map.entry("qB", "qBittorrent"),
            Map.entry("TR", "Transmission"),
            Map.entry("UT", "µTorrent"),
            Map.entry("UW", "µTorrent Web"),
            Map.entry("WW", "WebTorrent"),
            Map.entry("WD", "WebTorrent Desktop"),
            Map.entry("XL", "Xunlei"),
            Map.entry("BI", "BiglyBT"),
            Map.entry("AG", "Ares"),
            Map.entry("HL", "Halite"),
            Map.entry("KG", "KGet"),
            Map.entry("RT", "Retriever"),
            Map.entry("TT", "TuoTu"),
            Map.entry("VG", "Vagaa"));

    private static final Map<Character, String> SHADOW = Map.of(
            'A', "ABC", 'O', "Osprey Permaseed", 'Q', "BTQueue", 'R', "Tribler",
            'S', "Shadow's client", 'T', "BitTornado", 'U', "UPnP NAT Bit Torrent");

    private static final String SHADOW_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.-";

    private ClientNames() {
    }

    static String describe(byte[] id) {
        String azureus = azureus(id);
        if (azureus != null) {
            return azureus;
        }
        String mainline = mainline(id);
        if (mainline != null) {
            return mainline;
        }
        String shadow = shadow(id);
        return shadow != null ? shadow : "unknown (" + printablePrefix(id, 8) + ")";
    }

    /** {@code -XXvvvv-}: two letters then four version characters, each one component. */
    private static String azureus(byte[] id) {
        if (id[0] != '-' || id[7] != '-' || !isAlnum(id[1]) || !isAlnum(id[2])) {
            return null;
        }
        StringBuilder version = new StringBuilder();
        for (int i = 3; i < 7; i++) {
            int digit = Character.digit(id[i], 36);
            if (digit < 0) {
                return null;
            }
            version.append(i > 3 ? "." : "").append(digit);
        }
        String code = "" + (char) id[1] + (char) id[2];
        String name = AZUREUS.getOrDefault(code, code);
        return name + " " + trimZeros(version.toString());
    }

    /** {@code M4-3-6--}: 'M' then major, minor and tiny separated by dashes. */
    private static String mainline(byte[] id) {
        if (id[0] != 'M' || !isDigit(id[1])) {
            return null;
        }
        StringBuilder version = new StringBuilder();
        int i = 1;
        for (int part = 0; part < 3; part++) {
            if (part > 0) {
                if (id[i] != '-') {
                    return null;
                }
                version.append('.');
                i++;
            }
            int start = i;
            while (i < 8 && isDigit(id[i])) {
                version.append((char) id[i++]);
            }
            if (i == start) {
                return null;
            }
        }
        return "Mainline " + version;
    }

    /** {@code T03I--...}: a letter, up to five version characters padded with dashes, then "---". */
    private static String shadow(byte[] id) {
        String name = SHADOW.get((char) id[0]);
        if (name == null || id[6] != '-' || id[7] != '-' || id[8] != '-') {
            return null;
        }
        StringBuilder version = new StringBuilder();
        for (int i = 1; i < 6 && id[i] != '-'; i++) {
            int digit = SHADOW_DIGITS.indexOf(id[i]);
            if (digit < 0) {
                return null;
            }
            version.append(version.length() > 0 ? "." : "").append(digit);
        }
        return version.length() == 0 ? null : name + " " + version;
    }

    /** "2.0.6.0" becomes "2.0.6"; at least two components stay. */
    private static String trimZeros(String version) {
        String v = version;
        while (v.endsWith(".0") && v.indexOf('.') != v.lastIndexOf('.')) {
            v = v.substring(0, v.length() - 2);
        }
        return v;
    }

    private static String printablePrefix(byte[] id, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(id[i] >= 0x20 && id[i] < 0x7f ? (char) id[i] : '.');
        }
        return sb.toString();
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isAlnum(byte b) {
        return isDigit(b) || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }
}
