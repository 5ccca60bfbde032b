package dev.spate.client.interop;

import dev.spate.interop.RealClient;
import dev.spate.interop.RealClients;
import java.util.ArrayList;
import java.util.List;

/** The real clients of a run and the transfer cells of the matrix. */
final class Cells {
    /** Restricts a run to some clients: {@code -Dinterop.clients=libtorrent,aria2}. */
    static final String CLIENTS_PROPERTY = "interop.clients";

    private Cells() {
    }

    /** The real clients of this run: every one, or those {@value #CLIENTS_PROPERTY} names. */
    static List<RealClient> clients() {
        String wanted = System.getProperty(CLIENTS_PROPERTY, "").strip();
        if (wanted.isEmpty()) {
            return RealClients.all();
        }
        List<RealClient> some = new ArrayList<>();
        for (String name : wanted.split(",")) {
            some.add(RealClients.named(name.strip()).orElseThrow(() -> new IllegalArgumentException(
                    CLIENTS_PROPERTY + ": no client named '" + name + "'; there are " + RealClients.all())));
        }
        return some;
    }

    /** Every real client of the run, both ways, with a file and a folder, 256 KiB and 4 MiB pieces. */
    static List<Plan> transfers() {
        List<Plan> cells = new ArrayList<>();
        for (RealClient client : clients()) {
            for (Direction direction : Direction.values()) {
                for (Layout layout : List.of(Layout.SINGLE_FILE, Layout.MULTI_FILE)) {
                    for (PieceSize piece : List.of(PieceSize.KIB_256, PieceSize.MIB_4)) {
                        cells.add(Plan.of(client, direction, layout, piece, tracker(client, layout, piece)));
                    }
                }
            }
        }
        return cells;
    }

    /** One small transfer each way with every real client of the run, for cells about something else. */
    static List<Plan> smallTransfers() {
        List<Plan> cells = new ArrayList<>();
        for (RealClient client : clients()) {
            for (Direction direction : Direction.values()) {
                cells.add(Plan.of(client, direction, Layout.SMALL_FILE, PieceSize.KIB_256, TrackerKind.SPATE_HTTP));
            }
        }
        return cells;
    }

    /**
     * 4 MiB pieces meet through opentracker, 256 KiB pieces through spate's tracker: a single
     * file over HTTP, a folder over UDP where the client announces over UDP.
     */
    static TrackerKind tracker(RealClient client, Layout layout, PieceSize piece) {
        if (piece == PieceSize.MIB_4) {
            return TrackerKind.OPENTRACKER;
        }
        return layout == Layout.MULTI_FILE && client.announcesOverUdp() ? TrackerKind.SPATE_UDP
                : TrackerKind.SPATE_HTTP;
    }
}
