package dev.spate.discovery.tracker;

/** The {@code event} of an announce (BEP 3); {@link #NONE} is a regular, periodic announce. */
public enum AnnounceEvent {
    NONE(0, ""),
    STARTED(2, "started"),
    COMPLETED(1, "completed"),
    STOPPED(3, "stopped");

    private final int udpCode;
    private final String httpName;

    AnnounceEvent(int udpCode, String httpName) {
        this.udpCode = udpCode;
        this.httpName = httpName;
    }

    /** The value of the UDP announce's {@code event} field (BEP 15): 0 none, 1 completed, 2 started, 3 stopped. */
    public int udpCode() {
        return udpCode;
    }

    /** The value of the HTTP {@code event} parameter; empty for {@link #NONE}, which sends none. */
    public String httpName() {
        return httpName;
    }

    /** The event with this BEP 15 code, or {@link #NONE} for an unknown one (trackers treat it so). */
    public static AnnounceEvent fromUdpCode(int code) {
        for (AnnounceEvent e : values()) {
            if (e.udpCode == code) {
                return e;
            }
        }
        return NONE;
    }

    /** The event named by an HTTP {@code event} parameter; an absent, empty or unknown name is {@link #NONE}. */
    public static AnnounceEvent fromHttpName(String name) {
        for (AnnounceEvent e : values()) {
            if (e != NONE && e.httpName.equals(name)) {
                return e;
            }
        }
        return NONE;
    }
}
