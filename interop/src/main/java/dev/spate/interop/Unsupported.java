package dev.spate.interop;

/** Refuses options a real client cannot honour, naming the client and the option. */
final class Unsupported {
    private Unsupported() {
    }

    static void check(RealClient client, PeerOptions options) {
        if (!client.supports(options.transport())) {
            throw new UnsupportedOperationException(client.name() + " cannot use transport " + options.transport());
        }
        if (!options.peers().isEmpty() && !client.dialsGivenPeers()) {
            throw new UnsupportedOperationException(client.name() + " cannot be told to connect to given peers "
                    + options.peers() + ": give it a tracker, or have the other side dial it");
        }
    }
}
