package dev.spate.discovery.dht;

/** BEP 5's liveness of a node in the routing table. */
enum NodeStatus {
    /** Answered one of our queries in the last 15 minutes, or has answered once and queried us in the last 15. */
    GOOD,
    /** Quiet for 15 minutes: worth a ping before it is trusted again. */
    QUESTIONABLE,
    /** Failed to answer {@link RoutingEntry#BAD_AFTER_FAILURES} queries in a row: the first to be replaced. */
    BAD
}
