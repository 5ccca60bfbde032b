package dev.spate.client.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spate.interop.Opentracker;
import dev.spate.interop.RealClient;

/** Skips an interop cell, saying why on stdout and in the matrix, when a program it needs is absent. */
final class Require {
    private Require() {
    }

    static void installed(RealClient... clients) {
        for (RealClient c : clients) {
            skipUnless(c.installed(), c.name() + " is not installed: it needs " + c.requirement());
        }
    }

    static void trackerInstalled(TrackerKind tracker) {
        if (tracker.isOpentracker()) {
            skipUnless(Opentracker.installed(), "opentracker is not installed: it needs "
                    + Opentracker.requirement());
        }
    }

    private static void skipUnless(boolean present, String reason) {
        if (!present) {
            System.out.println("[interop] skipped: " + reason);
        }
        assumeTrue(present, reason);
    }
}
