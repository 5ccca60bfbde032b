/**
 * Announcing to trackers: the API the download engine uses.
 *
 * <pre>{@code
 * Trackers trackers = Trackers.create(eventLoopGroup, TrackerClientConfig.defaults());
 * AnnounceScheduler announcer = AnnounceScheduler.create(
 *         new AnnounceTarget(infoHash, tiers, peerId, listenPort, key),
 *         trackers, () -> new TransferCounters(uploaded, downloaded, left),
 *         (tracker, peers) -> handshaker.dial(peers), eventLoop);
 * announcer.start();            // started, then every interval
 * announcer.completed();        // once, when the download completes
 * announcer.status();           // per-tracker snapshot for displays
 * announcer.stop().join();      // stopped, within a short deadline
 * }</pre>
 *
 * {@link dev.spate.discovery.tracker.TrackerClient} alone does single announces and scrapes.
 * Wire formats are in {@code .wire}, the HTTP and UDP clients in {@code .http} and {@code .udp},
 * spate's own tracker in {@code .server}.
 */
package dev.spate.discovery.tracker;
