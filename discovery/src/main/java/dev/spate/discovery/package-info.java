/**
 * spate's {@code discovery} layer: where peers come from. See DESIGN.md for what it owns and what
 * it may depend on. Today: tracker clients and the embedded tracker ({@link dev.spate.discovery.tracker}).
 *
 * <h2>Threads and owners</h2>
 * <ul>
 *   <li>{@link dev.spate.discovery.tracker.Trackers} starts no thread. HTTP exchanges run on an
 *       event loop of the caller's group, one loop per exchange; the UDP client's socket, its
 *       transactions and its connection-id cache belong to one loop of that group.</li>
 *   <li>An {@link dev.spate.discovery.tracker.AnnounceScheduler} belongs to the event loop it is
 *       given: every field is read and written there (asserted). Its public methods hand work to
 *       that loop; its status is an immutable snapshot published through a volatile field.</li>
 *   <li>The embedded tracker runs on one event loop thread: the UDP socket, the HTTP listener and
 *       every HTTP connection, so its swarms need no lock.</li>
 *   <li>Nothing here blocks an event loop: names resolve through Netty's asynchronous DNS resolver,
 *       time comes from an injected {@link dev.spate.discovery.Ticker} and the loop's timers.</li>
 * </ul>
 *
 * <h2>Bounds</h2>
 * Every input from the network is capped before it costs memory: HTTP replies (2 MiB after
 * gzip), HTTP requests to the tracker (8 KiB line, 64 parameters, 1024 connections), UDP packets
 * (read in place), swarms, peers per swarm and peers in all (oldest evicted), peers per reply.
 */
package dev.spate.discovery;
