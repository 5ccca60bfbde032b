package dev.spate.metainfo;

/**
 * A peer's address as written in a magnet link ({@code x.pe}) or elsewhere: a host name or IP
 * literal (an IPv6 literal without brackets) and a port.
 */
public record PeerAddress(String host, int port) {

    public PeerAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("a peer address needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /** Parses {@code host:port}, {@code 1.2.3.4:port} or {@code [v6]:port}. */
    public static PeerAddress parse(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("expected [IPv6]:port, found " + text);
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
            if (host.isEmpty() || host.chars().anyMatch(c -> !(Character.digit(c, 16) >= 0 || c == ':' || c == '.'))) {
                throw new IllegalArgumentException("not an IPv6 address: " + host);
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || text.indexOf(':') != colon) {
                throw new IllegalArgumentException("expected host:port, found " + text);
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a port number: " + port);
        }
        return new PeerAddress(host, Integer.parseInt(port));
    }

    /** {@code host:port}, with an IPv6 host in brackets. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
