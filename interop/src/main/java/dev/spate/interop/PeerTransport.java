package dev.spate.interop;

/** The transports a real client may use for peer connections. */
public enum PeerTransport {
    /** TCP only. */
    TCP,
    /** uTP (BEP 29) only. */
    UTP,
    /** Both, as the client's defaults would. */
    BOTH
}
