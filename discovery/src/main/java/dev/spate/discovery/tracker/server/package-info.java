/**
 * spate's embedded tracker: HTTP (BEP 3, 7, 23, 24, 48) and UDP (BEP 15) on one port number,
 * swarms in memory with hard caps. Everything of one tracker runs on one event loop thread, which
 * owns the swarms; no locks.
 */
package dev.spate.discovery.tracker.server;
