/**
 * The HTTP(S) tracker client: announce (BEP 3, 7, 23, 24) and scrape (BEP 48) over Netty's HTTP
 * client codec, one short connection per exchange.
 */
package dev.spate.discovery.tracker.http;
