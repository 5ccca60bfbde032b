package dev.spate.discovery.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spate.interop.Opentracker;
import dev.spate.interop.RealClient;

/** Skips an interop test, saying why on stdout, when a program it needs is not installed. */
final class Installed {
    private Installed() {
    }

    static void require(RealClient... clients) {
        for (RealClient c : clients) {
            skipUnless(c.installed(), c.name() + " is not installed: it needs " + c.requirement());
        }
    }

    static void requireOpentracker() {
        skipUnless(Opentracker.installed(), "opentracker is not installed: it needs " + Opentracker.requirement());
    }

    private static void skipUnless(boolean present, String reason) {
        if (!present) {
            System.out.println("[interop] skipped: " + reason);
        }
        assumeTrue(present, reason);
    }
}
