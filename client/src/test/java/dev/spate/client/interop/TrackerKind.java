package dev.spate.client.interop;

import dev.spate.discovery.tracker.server.EmbeddedTracker;
import dev.spate.discovery.tracker.server.TrackerConfig;
import dev.spate.interop.LoopbackPorts;
import dev.spate.interop.Opentracker;
import dev.spate.metainfo.InfoHash;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the peers of a cell meet. The port is chosen first, so that the torrent can name the
 * tracker before the tracker (opentracker needs the torrent's info hash) starts.
 */
enum TrackerKind {
    SPATE_HTTP("spate's tracker (HTTP)", "http"),
    SPATE_UDP("spate's tracker (UDP)", "udp"),
    OPENTRACKER("opentracker (HTTP)", "http"),
    OPENTRACKER_UDP("opentracker (UDP)", "udp");

    /** spate's tracker asks for announces this often, so that everyone hears of newcomers soon. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final String words;
    private final String scheme;

    TrackerKind(String words, String scheme) {
        this.words = words;
        this.scheme = scheme;
    }

    URI announceUri(int port) {
        return URI.create(scheme + "://127.0.0.1:" + port + "/announce");
    }

    /** Starts the tracker on {@code port} for the torrent {@code infoHash}. */
    CellTracker start(int port, InfoHash infoHash, Path workDir) throws IOException, InterruptedException {
        if (isOpentracker()) {
            Opentracker tracker = Opentracker.start(workDir, port, List.of(infoHash.toHex()), Duration.ofSeconds(20));
            return new CellTracker() {
                @Override
                public boolean knowsASeeder() {
                    return tracker.seeders(infoHash.toHex()) > 0;
                }

                @Override
                public String describe() {
                    return tracker.describe();
                }

                @Override
                public void close() {
                    tracker.close();
                }
            };
        }
        EmbeddedTracker tracker = EmbeddedTracker.start(TrackerConfig.defaults().withPort(port)
                .withBindAddress(LoopbackPorts.LOOPBACK).withInterval(INTERVAL));
        return new CellTracker() {
            @Override
            public boolean knowsASeeder() {
                return tracker.stats().peers() > 0; // the seeder announces first, alone
            }

            @Override
            public String describe() {
                return "spate's tracker: " + tracker.stats();
            }

            @Override
            public void close() {
                tracker.close();
            }
        };
    }

    boolean isOpentracker() {
        return this == OPENTRACKER || this == OPENTRACKER_UDP;
    }

    @Override
    public String toString() {
        return words;
    }

    /** A running tracker of one of the kinds. */
    interface CellTracker extends AutoCloseable {
        /** The tracker has heard from the cell's seeder. */
        boolean knowsASeeder();

        String describe();

        @Override
        void close();
    }
}
