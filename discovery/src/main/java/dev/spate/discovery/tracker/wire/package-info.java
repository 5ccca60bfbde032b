/**
 * Tracker wire formats shared by spate's tracker clients and its embedded tracker: the BEP 15
 * UDP packets, compact peer lists (BEP 23, BEP 7) and the percent-encoding of raw bytes in
 * HTTP queries. Pure functions over byte arrays and Netty buffers; no sockets here.
 */
package dev.spate.discovery.tracker.wire;
