/**
 * KRPC, the DHT's message format (BEP 5): sealed message types, compact node info (26 bytes, and
 * 38 for BEP 32's {@code nodes6}) and the codec. Knows nothing of sockets; bad input gives a
 * {@link dev.spate.discovery.dht.krpc.KrpcException} and bounded work.
 */
package dev.spate.discovery.dht.krpc;
