package dev.spate.protocol;

/** The message ids of BEP 3, BEP 6 and BEP 10, and their names for error messages. */
public final class MessageIds {
    public static final int CHOKE = 0;
    public static final int UNCHOKE = 1;
    public static final int INTERESTED = 2;
    public static final int NOT_INTERESTED = 3;
    public static final int HAVE = 4;
    public static final int BITFIELD = 5;
    public static final int REQUEST = 6;
    public static final int PIECE = 7;
    public static final int CANCEL = 8;
    public static final int PORT = 9;
    public static final int SUGGEST_PIECE = 0x0D;
    public static final int HAVE_ALL = 0x0E;
    public static final int HAVE_NONE = 0x0F;
    public static final int REJECT_REQUEST = 0x10;
    public static final int ALLOWED_FAST = 0x11;
    public static final int EXTENDED = 20;

    private static final String[] NAMES = new String[EXTENDED + 1];

    static {
        String[] names = {"choke", "unchoke", "interested", "not interested", "have", "bitfield", "request",
            "piece", "cancel", "port"};
        System.arraycopy(names, 0, NAMES, 0, names.length);
        NAMES[SUGGEST_PIECE] = "suggest piece";
        NAMES[HAVE_ALL] = "have all";
        NAMES[HAVE_NONE] = "have none";
        NAMES[REJECT_REQUEST] = "reject request";
        NAMES[ALLOWED_FAST] = "allowed fast";
        NAMES[EXTENDED] = "extended";
    }

    private MessageIds() {
    }

    /** True for the ids this codec decodes; others are skipped and counted. */
    public static boolean isKnown(int id) {
        return id >= 0 && id < NAMES.length && NAMES[id] != null;
    }

    /** The message's name ("have all"), or "message id N" for an unknown id. */
    public static String name(int id) {
        return isKnown(id) ? NAMES[id] : "message id " + id;
    }
}
