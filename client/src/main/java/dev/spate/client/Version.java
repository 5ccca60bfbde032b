package dev.spate.client;

/** spate's version, as the command line and the extension handshake ({@code v}) report it. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
