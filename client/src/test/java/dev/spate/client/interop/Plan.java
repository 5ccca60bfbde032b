package dev.spate.client.interop;

import dev.spate.interop.Encryption;
import dev.spate.interop.RealClient;
import java.nio.file.Path;

/**
 * What one cell of the matrix does: which real client, which way, what payload, which tracker,
 * what encryption policy for the client, and the words of the matrix's feature column.
 */
record Plan(RealClient client, Direction direction, Layout layout, PieceSize piece, TrackerKind tracker,
        Encryption encryption, String feature) {

    /** A plaintext transfer whose feature is its payload and tracker. */
    static Plan of(RealClient client, Direction direction, Layout layout, PieceSize piece, TrackerKind tracker) {
        return new Plan(client, direction, layout, piece, tracker, Encryption.PLAIN, words(layout, piece, tracker));
    }

    static String words(Layout layout, PieceSize piece, TrackerKind tracker) {
        return layout + ", " + piece + " pieces, " + tracker;
    }

    Plan withEncryption(Encryption e) {
        return new Plan(client, direction, layout, piece, tracker, e, feature);
    }

    Plan withFeature(String words) {
        return new Plan(client, direction, layout, piece, tracker, encryption, words);
    }

    /**
     * Names the cell, skips it if a program is missing, runs the transfer under {@code dir} and
     * records its rate.
     */
    Transfer.Outcome run(Cell cell, Path dir) throws Exception {
        cell.is(client, direction, feature);
        Require.installed(client);
        Require.trackerInstalled(tracker);
        try (Transfer transfer = Transfer.prepare(dir, layout, piece, tracker)) {
            Transfer.Outcome outcome = direction == Direction.TO_SPATE ? transfer.toSpate(client, encryption)
                    : transfer.fromSpate(client, encryption);
            cell.measured(transfer.totalBytes(), outcome.took());
            return outcome;
        }
    }

    /** For test names: "aria2, client → spate, multi-file, 4 MiB pieces, opentracker (HTTP)". */
    @Override
    public String toString() {
        return client.name() + ", " + direction + ", " + feature;
    }
}
