/**
 * The UDP tracker client (BEP 15, BEP 41): one datagram channel for every UDP tracker, its
 * exchanges (connect, then announce or scrape) owned by that channel's event loop.
 */
package dev.spate.discovery.tracker.udp;
