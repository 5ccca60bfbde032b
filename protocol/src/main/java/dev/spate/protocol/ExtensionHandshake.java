package dev.spate.protocol;

import dev.spate.metainfo.bencode.BDict;
import dev.spate.metainfo.bencode.BInteger;
import dev.spate.metainfo.bencode.BString;
import dev.spate.metainfo.bencode.BencodeEncoder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The BEP 10 extension handshake: the payload of {@code Extended(0, ...)}. Unknown keys are
 * ignored when decoding. A second handshake on the same connection updates the first: its
 * {@code m} holds only changes, and id 0 turns an extension off.
 *
 * @param extensions {@code m}: extension name to the id the sender wants it sent with; 0 = disabled
 * @param client {@code v}: client name and version
 * @param listenPort {@code p}: the sender's TCP listen port
 * @param requestQueueLength {@code reqq}: how many requests the sender queues without dropping any
 * @param yourIp {@code yourip}: the address the sender sees the receiver as
 * @param uploadOnly {@code upload_only} (BEP 21): the sender downloads nothing
 * @param metadataSize {@code metadata_size} (BEP 9): the size of the info dictionary in bytes
 * @param prefersEncryption {@code e}: the sender prefers encrypted connections
 */
public record ExtensionHandshake(Map<String, Integer> extensions, Optional<String> client, OptionalInt listenPort,
                                 OptionalInt requestQueueLength, Optional<InetAddress> yourIp, boolean uploadOnly,
                                 OptionalInt metadataSize, boolean prefersEncryption) {
    public static final String UT_METADATA = "ut_metadata";
    public static final String UT_PEX = "ut_pex";
    private static final String WHAT = "extension handshake";

    public ExtensionHandshake {
        for (Map.Entry<String, Integer> e : extensions.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 255) {
                throw new IllegalArgumentException("extension " + e.getKey() + " has id " + e.getValue()
                        + ", expected 0 to 255");
            }
        }
        extensions = Map.copyOf(extensions);
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(listenPort, "listenPort");
        Objects.requireNonNull(requestQueueLength, "requestQueueLength");
        Objects.requireNonNull(yourIp, "yourIp");
        Objects.requireNonNull(metadataSize, "metadataSize");
    }

    /** A handshake that says nothing; add to it with the {@code with} methods. */
    public static ExtensionHandshake empty() {
        return new ExtensionHandshake(Map.of(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), false, OptionalInt.empty(), false);
    }

    /** The id the sender gave {@code name}, or 0 if it did not name it or turned it off. */
    public int extensionId(String name) {
        return extensions.getOrDefault(name, 0);
    }

    public ExtensionHandshake withExtension(String name, int id) {
        Map<String, Integer> m = new LinkedHashMap<>(extensions);
        m.put(name, id);
        return new ExtensionHandshake(m, client, listenPort, requestQueueLength, yourIp, uploadOnly, metadataSize,
                prefersEncryption);
    }

    public ExtensionHandshake withClient(String v) {
        return new ExtensionHandshake(extensions, Optional.of(v), listenPort, requestQueueLength, yourIp, uploadOnly,
                metadataSize, prefersEncryption);
    }

    public ExtensionHandshake withListenPort(int p) {
        return new ExtensionHandshake(extensions, client, OptionalInt.of(p), requestQueueLength, yourIp, uploadOnly,
                metadataSize, prefersEncryption);
    }

    public ExtensionHandshake withRequestQueueLength(int reqq) {
        return new ExtensionHandshake(extensions, client, listenPort, OptionalInt.of(reqq), yourIp, uploadOnly,
                metadataSize, prefersEncryption);
    }

    public ExtensionHandshake withYourIp(InetAddress address) {
        return new ExtensionHandshake(extensions, client, listenPort, requestQueueLength, Optional.of(address),
                uploadOnly, metadataSize, prefersEncryption);
    }

    public ExtensionHandshake withUploadOnly(boolean value) {
        return new ExtensionHandshake(extensions, client, listenPort, requestQueueLength, yourIp, value, metadataSize,
                prefersEncryption);
    }

    public ExtensionHandshake withMetadataSize(int size) {
        return new ExtensionHandshake(extensions, client, listenPort, requestQueueLength, yourIp, uploadOnly,
                OptionalInt.of(size), prefersEncryption);
    }

    public ExtensionHandshake withPrefersEncryption(boolean value) {
        return new ExtensionHandshake(extensions, client, listenPort, requestQueueLength, yourIp, uploadOnly,
                metadataSize, value);
    }

    /** The bencoded dictionary, the payload of {@code new WireMessage.Extended(0, ...)}. */
    public byte[] encode() {
        BDict.Builder m = BDict.builder();
        extensions.forEach(m::put);
        BDict.Builder d = BDict.builder().put("m", m.build());
        client.ifPresent(v -> d.put("v", v));
        listenPort.ifPresent(p -> d.put("p", p));
        requestQueueLength.ifPresent(q -> d.put("reqq", q));
        yourIp.ifPresent(ip -> d.put("yourip", ip.getAddress()));
        if (uploadOnly) {
            d.put("upload_only", 1);
        }
        metadataSize.ifPresent(s -> d.put("metadata_size", s));
        if (prefersEncryption) {
            d.put("e", 1);
        }
        return BencodeEncoder.encode(d.build());
    }

    /** Decodes a payload; anything malformed is a {@link ProtocolViolation} that names the field. */
    public static ExtensionHandshake decode(byte[] payload) {
        DictReader d = DictReader.decode(WHAT, payload, 0, payload.length);
        BString v = d.string("v");
        Long p = d.integer("p", 0, 0xffff);
        Long reqq = d.integer("reqq", 1, Integer.MAX_VALUE);
        Long size = d.integer("metadata_size", 1, Integer.MAX_VALUE);
        Long uploadOnly = d.integer("upload_only", Long.MIN_VALUE, Long.MAX_VALUE);
        Long e = d.integer("e", Long.MIN_VALUE, Long.MAX_VALUE);
        return new ExtensionHandshake(extensions(d.dict("m")),
                v == null ? Optional.empty() : Optional.of(v.asUtf8()),
                p == null || p == 0 ? OptionalInt.empty() : OptionalInt.of(p.intValue()),
                reqq == null ? OptionalInt.empty() : OptionalInt.of(reqq.intValue()),
                yourIp(d.string("yourip")),
                uploadOnly != null && uploadOnly != 0,
                size == null ? OptionalInt.empty() : OptionalInt.of(size.intValue()),
                e != null && e != 0);
    }

    private static Map<String, Integer> extensions(BDict m) {
        if (m == null) {
            return Map.of();
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < m.size(); i++) {
            String name = m.keyAt(i).asUtf8();
            if (!(m.valueAt(i) instanceof BInteger id) || id.value() < 0 || id.value() > 255) {
                throw new ProtocolViolation(WHAT + ": m." + name + " is " + m.valueAt(i)
                        + ", expected an id from 0 to 255");
            }
            out.put(name, (int) id.value());
        }
        return out;
    }

    private static Optional<InetAddress> yourIp(BString ip) {
        if (ip == null) {
            return Optional.empty();
        }
        if (ip.length() != 4 && ip.length() != 16) {
            throw new ProtocolViolation(WHAT + ": yourip has " + ip.length() + " bytes, expected 4 or 16");
        }
        try {
            return Optional.of(InetAddress.getByAddress(ip.toByteArray()));
        } catch (UnknownHostException e) {
            throw new ProtocolViolation(WHAT + ": yourip is not an address", e);
        }
    }
}
