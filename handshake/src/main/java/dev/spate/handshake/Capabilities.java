package dev.spate.handshake;

import io.netty.buffer.ByteBuf;

/**
 * The 8 reserved bytes of the handshake, held as one big-endian {@code long}: reserved[0] is the
 * most significant byte. An extension is in use only when both ends set its bit:
 * {@link #and(Capabilities)} gives what a connection may use.
 */
public record Capabilities(long bits) {
    /** BEP 10, extension protocol: reserved[5] & 0x10. */
    private static final long EXTENSION_PROTOCOL = 0x10L << 16;
    /** BEP 6, fast extension: reserved[7] & 0x04. */
    private static final long FAST_EXTENSION = 0x04L;
    /** BEP 5, DHT: reserved[7] & 0x01. */
    private static final long DHT = 0x01L;

    public static final Capabilities NONE = new Capabilities(0);

    /** What spate speaks today: the extension protocol and the fast extension. */
    public static Capabilities spate() {
        return NONE.withExtensionProtocol().withFastExtension();
    }

    /** Reads the 8 reserved bytes from {@code reserved}, which must hold exactly 8. */
    public static Capabilities fromReserved(byte[] reserved) {
        if (reserved.length != 8) {
            throw new IllegalArgumentException("the reserved field has 8 bytes, not " + reserved.length);
        }
        long bits = 0;
        for (byte b : reserved) {
            bits = bits << 8 | (b & 0xff);
        }
        return new Capabilities(bits);
    }

    /** Reads 8 bytes at {@code index} without moving the reader index. */
    static Capabilities read(ByteBuf in, int index) {
        return new Capabilities(in.getLong(index));
    }

    void writeTo(ByteBuf out) {
        out.writeLong(bits);
    }

    /** The 8 reserved bytes as sent on the wire. */
    public byte[] toReserved() {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (bits >>> (56 - 8 * i));
        }
        return out;
    }

    public boolean extensionProtocol() {
        return (bits & EXTENSION_PROTOCOL) != 0;
    }

    public boolean fastExtension() {
        return (bits & FAST_EXTENSION) != 0;
    }

    public boolean dht() {
        return (bits & DHT) != 0;
    }

    public Capabilities withExtensionProtocol() {
        return new Capabilities(bits | EXTENSION_PROTOCOL);
    }

    public Capabilities withFastExtension() {
        return new Capabilities(bits | FAST_EXTENSION);
    }

    public Capabilities withDht() {
        return new Capabilities(bits | DHT);
    }

    /** The bits both ends set: the extensions a connection between them may use. */
    public Capabilities and(Capabilities other) {
        return new Capabilities(bits & other.bits);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Capabilities[");
        if (extensionProtocol()) {
            sb.append("extension protocol, ");
        }
        if (fastExtension()) {
            sb.append("fast extension, ");
        }
        if (dht()) {
            sb.append("dht, ");
        }
        return sb.append(String.format("0x%016x]", bits)).toString();
    }
}
